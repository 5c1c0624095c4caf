package org.pathwise.guardrails;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administration of the policy: the policy in force, its history, and putting a new version in force. A new version
 * must parse, name only known detectors at stages they support, and carry a version not used before; otherwise it is
 * rejected with the line at fault and the policy in force stays.
 */
@Service
class Policies {

    /** A version put in force, by whom and when. */
    public record Version(String version, String uploadedBy, java.time.Instant uploadedAt) {}

    private final PolicyGuardrails guardrails;
    private final PolicyStore store;

    Policies(PolicyGuardrails guardrails, PolicyStore store) {
        this.guardrails = guardrails;
        this.store = store;
    }

    /** The policy in force. */
    public Policy active() {
        return guardrails.policy();
    }

    /** The versions administrators put in force, newest first. */
    public List<Version> history() {
        return store.history().stream()
                .map(s -> new Version(s.version(), s.uploadedBy(), s.uploadedAt()))
                .toList();
    }

    /**
     * Checks a policy and puts it in force.
     *
     * @throws PolicyException naming the line at fault; nothing is stored and the policy in force stays
     */
    @Transactional
    public synchronized Policy putInForce(String yaml, String user) {
        var policy = PolicyYaml.parse(yaml);
        if (policy.version().equals(active().version()) || store.exists(policy.version())) {
            throw new PolicyException(
                    versionLine(yaml),
                    "version " + policy.version() + " is already used; give the new policy a new version");
        }
        guardrails.check(policy);
        store.save(policy, user);
        guardrails.activate(policy);
        return policy;
    }

    /** The line of the top-level version key, for messages about the version. */
    private static int versionLine(String yaml) {
        var lines = yaml.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith("version:")) {
                return i + 1;
            }
        }
        return 0;
    }
}
