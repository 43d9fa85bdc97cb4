package io.leadflow.connector.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A CRM on a raw loopback socket, for network faults an HTTP server library will not produce:
 * each connection's request is read whole (head and {@code Content-Length} body), then the
 * test's {@link Answer} writes whatever bytes it likes, as slowly as it likes, and may drop or
 * stall the connection. One thread per connection; everything stops at {@link #close()}.
 */
final class RawCrm implements AutoCloseable {
    /** Writes the answer to one request; returning leaves the connection to be closed. */
    interface Answer {
        void write(String requestHead, OutputStream out, InputStream in) throws IOException, InterruptedException;
    }

    private final ServerSocket server;
    private final Thread acceptor;
    private volatile Answer answer;
    /** Requests read whole. */
    final AtomicInteger requests = new AtomicInteger();
    /** Answer bytes written before the client went away (or the answer ended), summed over connections. */
    final AtomicInteger bytesWritten = new AtomicInteger();
    /** Connections whose client closed or reset while the answer was still being written. */
    final AtomicInteger clientGaveUp = new AtomicInteger();

    RawCrm() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::accept, "raw-crm");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    void answer(Answer a) {
        answer = a;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread t = new Thread(() -> serve(s), "raw-crm-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            s.setSoTimeout(20_000);
            String head = readRequest(s.getInputStream());
            if (head == null) return;
            requests.incrementAndGet();
            CountingOut out = new CountingOut(s.getOutputStream());
            try {
                answer.write(head, out, s.getInputStream());
                out.flush();
            } catch (IOException gone) {
                clientGaveUp.incrementAndGet();
            } finally {
                bytesWritten.addAndGet(out.count);
            }
        } catch (IOException | InterruptedException ignored) {
            // the connection is over either way
        }
    }

    private static String readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            head.write(c);
            String h = head.toString(StandardCharsets.ISO_8859_1);
            if (h.endsWith("\r\n\r\n")) {
                int at = h.toLowerCase().indexOf("content-length:");
                int len = at < 0 ? 0 : Integer.parseInt(h.substring(at + 15, h.indexOf("\r\n", at)).trim());
                in.readNBytes(len);
                return h;
            }
        }
        return null;
    }

    /** Writes {@code bytes} at about {@code bytesPerSecond}, in 10 slices a second (flushed each). */
    static void trickle(OutputStream out, byte[] bytes, int bytesPerSecond) throws IOException, InterruptedException {
        int slice = Math.max(1, bytesPerSecond / 10);
        for (int i = 0; i < bytes.length; i += slice) {
            out.write(bytes, i, Math.min(slice, bytes.length - i));
            out.flush();
            Thread.sleep(100);
        }
    }

    /** Sends nothing more and waits until the client closes or resets the connection (counted as giving up). */
    static void stall(InputStream in) throws IOException {
        while (in.read() >= 0) { /* a client sends nothing more on this connection */ }
        throw new IOException("the client closed the stalled connection");
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private static final class CountingOut extends OutputStream {
        private final OutputStream out;
        int count;

        CountingOut(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }
    }
}
