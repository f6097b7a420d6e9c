package org.sagebionetworks.accessrecords.service;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar run as a user runs it: {@code java -jar enricher-service.jar}, configured only through
 * environment variables, in its own process, so a test can kill it without a graceful close.
 */
final class ServiceProcess implements AutoCloseable {

    private static final Path JAR = Path.of("target/enricher-service.jar");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Map<String, String> environment;
    private final Path log;
    private final int port;
    // A restarted app otherwise waits out the killed member's 45 s session before it gets its partitions.
    private final Map<String, String> systemProperties =
            new HashMap<>(Map.of("kafka.streams.session.timeout.ms", "6000"));
    private Process process;

    ServiceProcess(Map<String, String> environment, Path log) throws IOException {
        this.port = freePort();
        this.environment = new HashMap<>(environment);
        this.environment.put("MICRONAUT_SERVER_PORT", String.valueOf(port));
        this.log = log;
    }

    /** A {@code -D} option, for the settings only system properties carry ({@code kafka.streams.<name>}). */
    ServiceProcess systemProperty(String name, String value) {
        systemProperties.put(name, value);
        return this;
    }

    ServiceProcess start() throws IOException, InterruptedException {
        launch();
        awaitReady(Duration.ofSeconds(90));
        return this;
    }

    /** Starts the jar without waiting for it to become ready, for a test that expects it to refuse to start. */
    ServiceProcess launch() throws IOException {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
        systemProperties.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.addAll(List.of("-jar", JAR.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        process = builder.start();
        return this;
    }

    /** The exit code, once the process ended within {@code timeout}; fails the test if it is still running. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the service still runs after " + timeout);
        }
        return process.exitValue();
    }

    int status(String path) throws InterruptedException {
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** SIGKILL: no shutdown hook, no commit, no close. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGSTOP: the process holds still, its transactions open, until {@link #resume} or {@link #kill}. */
    void pause() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** SIGCONT after {@link #pause}. */
    void resume() throws IOException, InterruptedException {
        signal("CONT");
    }

    /** SIGTERM, as ECS sends on a deploy; returns whether the process ended within {@code timeout}. */
    boolean terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
        }
    }

    List<String> logLines() throws IOException {
        return Files.readAllLines(log);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill();
        }
    }

    private void awaitReady(Duration timeout) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (status("/health/readiness") != 200) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError(
                        "the service did not become ready; its log:\n" + String.join("\n", logLines()));
            }
            Thread.sleep(250);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
