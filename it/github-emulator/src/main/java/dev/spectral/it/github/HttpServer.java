package dev.spectral.it.github;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A small HTTP/1.1 server: Unix domain socket and/or loopback TCP listeners, a thread per connection. */
final class HttpServer implements AutoCloseable {
    /**
     * Listen backlog. gh sets each secret of {@code secret set -f} from its own goroutine, all
     * dialling at once; with Java's default (50) the kernel refuses the overflow and gh fails
     * with "connect: resource temporarily unavailable".
     */
    static final int BACKLOG = 4096;

    private final Handler handler;
    private final List<ServerSocketChannel> listeners = new CopyOnWriteArrayList<>();
    private final Set<SocketChannel> connections = ConcurrentHashMap.newKeySet();
    private final AtomicInteger threadNumber = new AtomicInteger();
    private volatile Path unixSocket;
    private volatile boolean closed;

    HttpServer(Handler handler) {
        this.handler = handler;
    }

    /** Listens on a Unix domain socket; a stale socket file nobody listens on is replaced. */
    void listenUnix(Path socket) throws IOException {
        Path path = socket.toAbsolutePath();
        if (Files.exists(path)) {
            if (isListening(path)) {
                throw new IOException("another server already listens on " + path);
            }
            Files.delete(path);
        }
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(path), BACKLOG);
        unixSocket = path;
        start(server, "unix");
    }

    /** Listens on 127.0.0.1; port 0 picks a free one. Returns the bound port. */
    int listenTcp(int port) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.INET);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), BACKLOG);
        start(server, "tcp");
        return ((InetSocketAddress) server.getLocalAddress()).getPort();
    }

    private static boolean isListening(Path path) {
        try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
            return probe.isConnected();
        } catch (IOException e) {
            return false;
        }
    }

    private void start(ServerSocketChannel server, String kind) {
        listeners.add(server);
        Thread acceptor = new Thread(() -> acceptLoop(server), "github-emulator-accept-" + kind);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void acceptLoop(ServerSocketChannel server) {
        while (!closed) {
            SocketChannel channel;
            try {
                channel = server.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                System.err.println("github-emulator: accept failed: " + e);
                continue;
            }
            connections.add(channel);
            Thread worker = new Thread(
                    new HttpConnection(channel, handler, () -> connections.remove(channel)),
                    "github-emulator-conn-" + threadNumber.incrementAndGet());
            worker.setDaemon(true);
            worker.start();
        }
    }

    @Override
    public void close() {
        closed = true;
        for (ServerSocketChannel listener : listeners) {
            closeQuietly(listener);
        }
        for (SocketChannel connection : connections) {
            closeQuietly(connection);
        }
        Path socket = unixSocket;
        if (socket != null) {
            try {
                Files.deleteIfExists(socket);
            } catch (IOException e) {
                System.err.println("github-emulator: could not remove " + socket + ": " + e);
            }
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing anyway
        }
    }
}
