package io.leadflow.runtime.http;

import io.leadflow.runtime.config.Limits;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** The deployed HTTP edge: one {@link EdgeVerticle} per event loop, all on one shared port. */
public final class EdgeServer {
    private final Vertx vertx;
    private final String deploymentId;
    private final int port;

    private EdgeServer(Vertx vertx, String deploymentId, int port) {
        this.vertx = vertx;
        this.deploymentId = deploymentId;
        this.port = port;
    }

    /** Deploys the edge; port 0 first picks a free port so every instance shares the same one. */
    public static Future<EdgeServer> start(Vertx vertx, EdgeVerticle.EdgeHandlers handlers, String host, int port,
                                           int instances, Limits limits) {
        int bound = port == 0 ? freePort(host) : port;
        return vertx.deployVerticle(() -> new EdgeVerticle(handlers, host, bound, limits), new DeploymentOptions().setInstances(instances))
                .map(id -> new EdgeServer(vertx, id, bound));
    }

    private static int freePort(String host) {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port on " + host, e);
        }
    }

    public int port() {
        return port;
    }

    /** Stops accepting: closes every server instance. */
    public Future<Void> stop() {
        return vertx.undeploy(deploymentId);
    }
}
