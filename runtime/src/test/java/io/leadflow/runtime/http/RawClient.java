package io.leadflow.runtime.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** A raw HTTP/1.1 connection for the hostile-input tests: sends bytes as the test says, reads what comes back. */
final class RawClient implements AutoCloseable {
    final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    RawClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(15_000);
        out = socket.getOutputStream();
        in = socket.getInputStream();
    }

    /** Writes; false when the server has already closed the connection. */
    boolean send(String s) {
        try {
            out.write(s.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    void sendBytes(byte[] b) throws IOException {
        out.write(b);
        out.flush();
    }

    /** Everything the server sends until it closes the connection (or 15 s pass, which fails the read). */
    String readUntilClosed() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        try {
            for (int n; (n = in.read(buf)) >= 0; ) b.write(buf, 0, n);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server kept the connection open for 15 s; got so far: " + b.toString(StandardCharsets.UTF_8), e);
        } catch (IOException reset) {
            // a reset is a close too
        }
        return b.toString(StandardCharsets.UTF_8);
    }

    /** Reads one response's head and body (Content-Length framed). */
    String readResponse() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            b.write(c);
            String s = b.toString(StandardCharsets.UTF_8);
            if (s.endsWith("\r\n\r\n")) {
                int at = s.toLowerCase().indexOf("content-length:");
                int len = at < 0 ? 0 : Integer.parseInt(s.substring(at + 15, s.indexOf("\r\n", at)).trim());
                b.write(in.readNBytes(len));
                return b.toString(StandardCharsets.UTF_8);
            }
        }
        return b.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
