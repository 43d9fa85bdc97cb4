package io.leadflow.runtime.it;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code serve} (with the stub compiler) in a child JVM built from the shaded jar, so kill -9 is real. */
final class ServerProcess {
    static final Path JAR = Path.of("target", "leadflow.jar");
    private final Process process;
    final int port;

    private ServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static ServerProcess start(Path rules, Path data, Path secrets, int port, Path log) throws Exception {
        return start(rules, data, secrets, port, log, List.of());
    }

    /** The same with more {@code serve} arguments ({@code --journal postgresql://…}, {@code --node-id …}). */
    static ServerProcess start(Path rules, Path data, Path secrets, int port, Path log, List<String> more) throws Exception {
        if (!Files.exists(JAR)) throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run the package phase first");
        String cp = Path.of("target", "test-classes") + File.pathSeparator + JAR;
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseParallelGC", "--enable-native-access=ALL-UNNAMED", "-cp", cp,
                "io.leadflow.runtime.testkit.StubServe", rules.toString(), "--port", Integer.toString(port),
                "--host", "127.0.0.1", "--data", data.toString(), "--secrets", secrets.toString(), "--rate", "1000000"));
        cmd.addAll(more);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        ServerProcess s = new ServerProcess(p, port);
        s.awaitLive(Duration.ofSeconds(30), log);
        return s;
    }

    /** The real {@code leadflow} main ({@code io.leadflow.cli.Main}) with these arguments, in a child JVM. */
    static ServerProcess startMain(int port, Path log, List<String> args) throws Exception {
        if (!Files.exists(JAR)) throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run the package phase first");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseParallelGC", "--enable-native-access=ALL-UNNAMED", "-cp", JAR.toString(), "io.leadflow.cli.Main"));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        ServerProcess s = new ServerProcess(p, port);
        s.awaitLive(Duration.ofSeconds(60), log);
        return s;
    }

    private void awaitLive(Duration timeout, Path log) throws Exception {
        HttpClient c = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) throw new IllegalStateException("serve exited with " + process.exitValue() + ":\n" + Files.readString(log));
            try {
                var r = c.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/live")).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) return;
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        process.destroyForcibly();
        throw new IllegalStateException("serve did not come up in " + timeout + ":\n" + Files.readString(log));
    }

    /** SIGKILL: no shutdown hook, no flush, no close. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** SIGTERM: the graceful path. Returns the exit code. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("serve did not stop within 30 s of SIGTERM");
        }
        return process.exitValue();
    }

    static int freePort() throws IOException {
        try (var s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
