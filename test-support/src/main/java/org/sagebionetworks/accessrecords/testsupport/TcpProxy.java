package org.sagebionetworks.accessrecords.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay in front of one broker listener that a test can break on purpose, in-JVM, without restarting the
 * broker: {@link #cut()} closes every connection and refuses new ones (accepts, then hangs up at once, as a load
 * balancer without a target does); {@link #swallowResponses()} passes requests to the broker but never returns
 * its answers, so the broker writes records whose acknowledgements are lost. Swallowing breaks the framing of the
 * open connections, so it is only ever followed by {@link #cut()}, never straight by {@link #restore()}.
 */
public final class TcpProxy implements AutoCloseable {

    private enum Mode {
        FORWARD,
        SWALLOW_RESPONSES,
        REFUSE
    }

    private final ServerSocket server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong refused = new AtomicLong();
    private volatile Mode mode = Mode.FORWARD;
    private volatile int targetPort;

    TcpProxy() throws IOException {
        server = new ServerSocket(0);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Starts relaying; the broker's port is known only after it started, which needed this proxy's port. */
    void forwardTo(int brokerPort) {
        targetPort = brokerPort;
        daemon("proxy-accept", this::acceptLoop).start();
    }

    public void swallowResponses() {
        mode = Mode.SWALLOW_RESPONSES;
    }

    public void cut() {
        mode = Mode.REFUSE;
        open.forEach(TcpProxy::closeQuietly);
    }

    public void restore() {
        mode = Mode.FORWARD;
    }

    /**
     * Connections hung up on while cut, since the proxy started: a test awaits one more to know that a client
     * really tried to reach the broker during an outage, instead of sleeping and hoping it did.
     */
    public long refusedConnections() {
        return refused.get();
    }

    @Override
    public void close() {
        cut();
        closeQuietly(server);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            Socket client = null;
            try {
                client = server.accept();
                if (mode == Mode.REFUSE) {
                    refused.incrementAndGet();
                    client.close();
                    continue;
                }
                Socket broker = new Socket("localhost", targetPort);
                open.add(client);
                open.add(broker);
                Socket from = client;
                daemon("proxy-requests", () -> relay(from, broker, false)).start();
                daemon("proxy-responses", () -> relay(broker, from, true)).start();
            } catch (IOException e) {
                closeQuietly(client);
            }
        }
    }

    private void relay(Socket from, Socket to, boolean responses) {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            for (int read = in.read(buffer); read >= 0 && mode != Mode.REFUSE; read = in.read(buffer)) {
                if (!responses || mode != Mode.SWALLOW_RESPONSES) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            }
        } catch (IOException e) {
            // One side went away; closing both below tells the other.
        } finally {
            open.remove(from);
            open.remove(to);
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static Thread daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (Exception e) {
                // Already closed or broken: either way it is gone, which is what closing wanted.
            }
        }
    }
}
