package dev.spectral.it.github;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;

/** Serves the requests of one connection in order, keeping it open between them (keep-alive). */
final class HttpConnection implements Runnable {
    private final SocketChannel channel;
    private final Handler handler;
    private final Runnable onClose;

    HttpConnection(SocketChannel channel, Handler handler, Runnable onClose) {
        this.channel = channel;
        this.handler = handler;
        this.onClose = onClose;
    }

    @Override
    public void run() {
        try (channel) {
            HttpRequestReader reader = new HttpRequestReader(new BufferedInputStream(Channels.newInputStream(channel)));
            HttpResponseWriter writer =
                    new HttpResponseWriter(new BufferedOutputStream(Channels.newOutputStream(channel)));
            serve(reader, writer);
        } catch (IOException e) {
            // The peer went away or the server is closing: nothing to answer.
        } finally {
            onClose.run();
        }
    }

    private void serve(HttpRequestReader reader, HttpResponseWriter writer) throws IOException {
        while (true) {
            HttpRequestReader.Head head;
            try {
                head = reader.readHead();
            } catch (BadRequestException e) {
                writer.write(ApiException.body(e.status(), e.getMessage()), true, false);
                return;
            }
            if (head == null) {
                return;
            }
            // The exchange spans head read to response written: what "in flight" means for the limits.
            try (Handler.Exchange exchange = handler.open()) {
                HttpRequest request;
                try {
                    if (head.headers().hasToken("Expect", "100-continue")) {
                        writer.writeContinue();
                    }
                    request = HttpRequestReader.withBody(head, reader.readBody(head));
                } catch (BadRequestException e) {
                    writer.write(ApiException.body(e.status(), e.getMessage()), true, false);
                    return;
                }
                HttpResponse response = exchange.handle(request);
                boolean keepAlive = request.wantsKeepAlive();
                writer.write(response, !keepAlive, "HEAD".equals(request.method()));
                if (!keepAlive) {
                    return;
                }
            }
        }
    }
}
