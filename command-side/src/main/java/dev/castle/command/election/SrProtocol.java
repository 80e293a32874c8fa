package dev.castle.command.election;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.castle.domain.json.Jackson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Schema Registry's group protocol {@code sr}/{@code v0} (spec §6.1): the identity and assignment JSON, and the choice
 * of leader, which every group leader must compute alike: the eligible member with the smallest URL
 * ({@link String#compareTo}); two members with the same URL make an assignment with error {@code DUPLICATE_URLS} and no
 * leader; no eligible member means no leader. With sticky election ({@code leader.election.sticky}, Confluent 7.7+) the
 * one eligible member flagged {@code leader} keeps the role; when several are flagged the smallest URL wins again.
 */
public final class SrProtocol {
    /** The group's protocol type. */
    public static final String PROTOCOL_TYPE = "sr";
    /** The only protocol name. */
    public static final String PROTOCOL_NAME = "v0";
    /** Confluent's assignment version. */
    private static final int ASSIGNMENT_VERSION = 1;

    private static final ObjectMapper MAPPER = Jackson.MAPPER;

    private SrProtocol() {}

    /** The member metadata Castle sends: Confluent 7.7's identity JSON, {@code leader} always present. */
    public static byte[] identityJson(SrIdentity identity) {
        return bytes(identityNode(identity));
    }

    /** Reads Confluent's or Karapace's identity JSON; unknown properties are ignored. */
    public static SrIdentity parseIdentity(byte[] json) {
        return identity(tree(json));
    }

    /** The assignment JSON, as Confluent writes it. */
    public static byte[] assignmentJson(SrAssignment assignment) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("version", ASSIGNMENT_VERSION);
        node.put("error", assignment.error());
        node.put("master", assignment.leaderMemberId());
        if (assignment.leader() == null) {
            node.putNull("master_identity");
        } else {
            node.set("master_identity", identityNode(assignment.leader()));
        }
        return bytes(node);
    }

    /** Reads an assignment from Confluent, Karapace (no {@code version}) or Castle; unknown properties are ignored. */
    public static SrAssignment parseAssignment(byte[] json) {
        JsonNode node = tree(json);
        JsonNode master = node.path("master");
        JsonNode identity = node.path("master_identity");
        return new SrAssignment(
                node.path("error").asInt(SrAssignment.NO_ERROR),
                master.isTextual() ? master.asText() : null,
                identity.isObject() ? identity(identity) : null);
    }

    /**
     * Chooses the leader among the group's members, keyed by Kafka member id.
     *
     * @param sticky whether a member that already leads keeps the role ({@code leader.election.sticky}); when false
     *     the members' {@code leader} flags are ignored, as Confluent ignores them
     */
    public static SrAssignment assign(Map<String, SrIdentity> members, boolean sticky) {
        Set<String> urls = new HashSet<>();
        for (SrIdentity identity : members.values()) {
            if (!urls.add(identity.url())) {
                return SrAssignment.none(SrAssignment.DUPLICATE_URLS);
            }
        }
        List<Map.Entry<String, SrIdentity>> eligible = members.entrySet().stream()
                .filter(member -> member.getValue().eligible())
                .toList();
        List<Map.Entry<String, SrIdentity>> flagged =
                eligible.stream().filter(member -> member.getValue().leader()).toList();
        if (sticky && flagged.size() == 1) {
            return assignment(flagged.get(0));
        }
        return eligible.stream()
                .min(Comparator.comparing(member -> member.getValue().url()))
                .map(SrProtocol::assignment)
                .orElse(SrAssignment.none(SrAssignment.NO_ERROR));
    }

    private static SrAssignment assignment(Map.Entry<String, SrIdentity> leader) {
        return new SrAssignment(SrAssignment.NO_ERROR, leader.getKey(), leader.getValue());
    }

    private static ObjectNode identityNode(SrIdentity identity) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("version", identity.version());
        node.put("host", identity.host());
        node.put("port", identity.port());
        node.put("master_eligibility", identity.eligible());
        node.put("scheme", identity.scheme());
        node.put("leader", identity.leader());
        return node;
    }

    private static SrIdentity identity(JsonNode node) {
        if (!node.path("host").isTextual() || !node.path("port").canConvertToInt()) {
            throw new IllegalArgumentException("Not an sr identity: " + node);
        }
        return new SrIdentity(
                node.get("host").asText(),
                node.get("port").asInt(),
                node.path("scheme").asText("http"),
                node.path("master_eligibility").asBoolean(true),
                node.path("version").asInt(SrIdentity.CONFLUENT_VERSION),
                node.path("leader").asBoolean(false));
    }

    private static JsonNode tree(byte[] json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("Invalid sr protocol JSON", e);
        }
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
