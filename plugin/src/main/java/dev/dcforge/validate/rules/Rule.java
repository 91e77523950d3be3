package dev.dcforge.validate.rules;

import dev.dcforge.validate.ManifestSet;

/** A policy check over the objects of one chart × environment. */
public interface Rule {
    RuleInfo info();

    void check(ManifestSet set, FindingSink sink);
}
