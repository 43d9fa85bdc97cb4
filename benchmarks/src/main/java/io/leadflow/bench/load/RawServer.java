package io.leadflow.bench.load;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;

/** The ceiling: a Vert.x server on every event loop that reads the body and answers 202, nothing else. */
public final class RawServer extends VerticleBase {
    private final int port;

    RawServer(int port) {
        this.port = port;
    }

    @Override
    public Future<?> start() {
        return vertx.createHttpServer(new HttpServerOptions().setPort(port).setHost("127.0.0.1").setTcpNoDelay(true))
                .requestHandler(req -> req.body().onComplete(b -> req.response().setStatusCode(202)
                        .putHeader("Content-Type", "application/json").end("{\"id\":\"raw\",\"duplicate\":false}")))
                .listen();
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        Vertx vertx = Vertx.vertx();
        vertx.deployVerticle(() -> new RawServer(port), new DeploymentOptions().setInstances(Runtime.getRuntime().availableProcessors()))
                .onSuccess(id -> System.out.println("raw server listening on " + port))
                .onFailure(e -> {
                    e.printStackTrace();
                    System.exit(1);
                });
    }
}
