package org.pathwise.library;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * SPDX licence ids: recognises the ways people write open licences ("CC BY 4.0", a Creative Commons URL, ...) and
 * normalises them to the SPDX id, and finds the licence a LICENSE file grants.
 */
final class Licences {

    private static final Set<String> KNOWN = Set.of(
            "CC-BY-4.0",
            "CC-BY-SA-4.0",
            "CC-BY-NC-4.0",
            "CC-BY-NC-SA-4.0",
            "CC-BY-ND-4.0",
            "CC-BY-NC-ND-4.0",
            "CC-BY-3.0",
            "CC-BY-SA-3.0",
            "CC-BY-NC-3.0",
            "CC-BY-NC-SA-3.0",
            "CC-BY-ND-3.0",
            "CC-BY-NC-ND-3.0",
            "CC0-1.0",
            "MIT",
            "Apache-2.0",
            "BSD-2-Clause",
            "BSD-3-Clause",
            "GPL-3.0-only",
            "GPL-3.0-or-later",
            "GFDL-1.3-only",
            "GFDL-1.3-or-later");

    private static final Pattern CC_WORDS =
            Pattern.compile("(?i)^cc[\\s-]*(by(?:[\\s-]*(?:nc|sa|nd))*)[\\s-]*v?(\\d\\.\\d)$");
    private static final Pattern CC_URL =
            Pattern.compile("(?i)creativecommons\\.org/licenses/((?:by)(?:-(?:nc|sa|nd))*)/(\\d\\.\\d)");
    private static final Pattern CC0_URL = Pattern.compile("(?i)creativecommons\\.org/publicdomain/zero/1\\.0");
    private static final Pattern SPDX_TAG = Pattern.compile("SPDX-License-Identifier:\\s*([A-Za-z0-9.+-]+)");

    /** Phrases a LICENSE file uses, in the order they are tried at each position. */
    private static final Map<Pattern, String> LICENSE_FILE_PHRASES = new LinkedHashMap<>();

    static {
        for (var version : List.of("4.0", "3.0")) {
            var v = Pattern.quote(version);
            LICENSE_FILE_PHRASES.put(
                    Pattern.compile("(?i)Attribution-NonCommercial-ShareAlike " + v), "CC-BY-NC-SA-" + version);
            LICENSE_FILE_PHRASES.put(
                    Pattern.compile("(?i)Attribution-NonCommercial-NoDerivatives " + v), "CC-BY-NC-ND-" + version);
            LICENSE_FILE_PHRASES.put(Pattern.compile("(?i)Attribution-NonCommercial " + v), "CC-BY-NC-" + version);
            LICENSE_FILE_PHRASES.put(Pattern.compile("(?i)Attribution-ShareAlike " + v), "CC-BY-SA-" + version);
            LICENSE_FILE_PHRASES.put(Pattern.compile("(?i)Attribution-NoDerivatives " + v), "CC-BY-ND-" + version);
            LICENSE_FILE_PHRASES.put(Pattern.compile("(?i)Attribution " + v + " International"), "CC-BY-" + version);
        }
        LICENSE_FILE_PHRASES.put(
                Pattern.compile("(?i)\\bCC[\\s-]?BY[\\s-]?(NC[\\s-]?)?(SA[\\s-]?|ND[\\s-]?)?\\d\\.\\d"), null);
        LICENSE_FILE_PHRASES.put(Pattern.compile("(?i)\\bCC0\\b|CC0 1\\.0 Universal"), "CC0-1.0");
        LICENSE_FILE_PHRASES.put(Pattern.compile("(?i)\\bMIT License\\b"), "MIT");
        LICENSE_FILE_PHRASES.put(Pattern.compile("(?i)Apache License,?\\s+Version 2\\.0"), "Apache-2.0");
    }

    private Licences() {}

    /**
     * The SPDX id for a licence as people write it, or empty when it is not recognised. {@code LicenseRef-...} ids are
     * kept as they are.
     */
    static Optional<String> normalise(String value) {
        var text = value.strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        for (var known : KNOWN) {
            if (known.equalsIgnoreCase(text)) {
                return Optional.of(known);
            }
        }
        if (text.startsWith("LicenseRef-")) {
            return Optional.of(text);
        }
        var words = CC_WORDS.matcher(text.replace('_', ' '));
        if (words.matches()) {
            return ccId(words.group(1), words.group(2));
        }
        var url = CC_URL.matcher(text);
        if (url.find()) {
            return ccId(url.group(1), url.group(2));
        }
        if (CC0_URL.matcher(text).find()
                || text.equalsIgnoreCase("CC0")
                || text.equalsIgnoreCase("CC0 1.0")
                || text.equalsIgnoreCase("public domain")) {
            return Optional.of("CC0-1.0");
        }
        return Optional.empty();
    }

    /** The licence a LICENSE file's text grants: its SPDX tag, or the first licence it names. */
    static Optional<String> fromLicenseFile(String text) {
        var tag = SPDX_TAG.matcher(text);
        if (tag.find()) {
            return normalise(tag.group(1));
        }
        int best = Integer.MAX_VALUE;
        String found = null;
        var url = CC_URL.matcher(text);
        if (url.find()) {
            best = url.start();
            found = ccId(url.group(1), url.group(2)).orElse(null);
        }
        for (var entry : LICENSE_FILE_PHRASES.entrySet()) {
            var matcher = entry.getKey().matcher(text);
            if (matcher.find() && matcher.start() < best) {
                var id = entry.getValue() != null
                        ? entry.getValue()
                        : normalise(matcher.group()).orElse(null);
                if (id != null) {
                    best = matcher.start();
                    found = id;
                }
            }
        }
        return Optional.ofNullable(found);
    }

    private static Optional<String> ccId(String elements, String version) {
        var parts = elements.toUpperCase(Locale.ROOT).split("[\\s-]+");
        var id = "CC-" + String.join("-", parts) + "-" + version;
        return KNOWN.contains(id) ? Optional.of(id) : Optional.empty();
    }
}
