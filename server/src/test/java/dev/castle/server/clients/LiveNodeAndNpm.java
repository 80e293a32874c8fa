package dev.castle.server.clients;

import dev.castle.server.Castle;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What every npm-client test needs, as a JUnit extension on a static field: before the class's tests, the locked
 * packages of {@code clients/node} installed and a Castle node started with the given settings; after them, the node
 * stopped. The extension runs before the class's own {@code @BeforeAll} methods, which may use both.
 */
final class LiveNodeAndNpm implements BeforeAllCallback, AfterAllCallback {
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(10);

    private final Supplier<Map<String, String>> settings;
    private NodeProject project;
    private Castle castle;

    private LiveNodeAndNpm(Supplier<Map<String, String>> settings) {
        this.settings = settings;
    }

    /** A node with these settings (say {@code TestNodes.registry(hint)}, asked for once installed) and the project. */
    static LiveNodeAndNpm with(Supplier<Map<String, String>> settings) {
        return new LiveNodeAndNpm(settings);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        project = NodeProject.locate();
        project.install(INSTALL_TIMEOUT);
        castle = Castle.start(settings.get());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (castle != null) {
            castle.close();
        }
    }

    Castle castle() {
        return castle;
    }

    NodeProject project() {
        return project;
    }
}
