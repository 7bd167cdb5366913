package io.pergola.server.registry;

/** Published (as a Spring event) right after a new version's transaction commits. */
public record VersionPublished(String app, String version) {}
