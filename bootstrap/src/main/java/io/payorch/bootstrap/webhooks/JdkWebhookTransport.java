package io.payorch.bootstrap.webhooks;

import io.payorch.application.merchantwebhook.TransportResult;
import io.payorch.application.port.out.WebhookTransport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.net.ConnectException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends webhooks with the JDK HTTP client, asynchronously (no thread waits on a receiver): connect
 * timeout, a deadline on the whole attempt (headers and body), redirects never followed, and at
 * most {@value TransportResult#MAX_EXCERPT_BYTES} bytes of the answer kept (the rest is discarded
 * as it arrives). Its callbacks run on {@code executor}, never on the API server's event loop.
 */
public final class JdkWebhookTransport implements WebhookTransport {

    private final HttpClient client;
    private final Duration timeout;

    public JdkWebhookTransport(Duration connectTimeout, Duration timeout, Executor executor) {
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1)
                .executor(executor).build();
        this.timeout = timeout;
    }

    @Override
    public CompletableFuture<TransportResult> post(URI uri, Map<String, String> headers, byte[] body) {
        long started = System.nanoTime();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", "application/json").header("User-Agent", "payorch-webhooks/1")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        CompletableFuture<TransportResult> attempt;
        try {
            attempt = client.sendAsync(request.build(), info -> new Excerpt())
                    .thenApply(response -> new TransportResult(response.statusCode(), millisSince(started),
                            response.body(), null));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(new TransportResult(null, millisSince(started), null,
                    "not sent: " + e.getClass().getSimpleName()));
        }
        return attempt.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionally(e -> new TransportResult(null, millisSince(started), null, describe(e)));
    }

    private static long millisSince(long started) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    private static String describe(Throwable e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
            return "no answer within the timeout";
        }
        if (cause instanceof ConnectException) {
            return "connection refused or unreachable";
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + clean(message, 200));
    }

    /** Printable text only (no NUL or control characters reach the log table), at most {@code max} characters. */
    static String clean(String text, int max) {
        String printable = text.replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", "?");
        return printable.length() <= max ? printable : printable.substring(0, max);
    }

    /** Keeps the first 1 KiB of a body and discards the rest as it arrives. */
    private static final class Excerpt implements HttpResponse.BodySubscriber<String> {
        private final CompletableFuture<String> result = new CompletableFuture<>();
        private final ByteBuffer kept = ByteBuffer.allocate(TransportResult.MAX_EXCERPT_BYTES);

        @Override
        public CompletionStage<String> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer item : items) {
                if (kept.hasRemaining()) {
                    ByteBuffer slice = item.duplicate();
                    if (slice.remaining() > kept.remaining()) {
                        slice.limit(slice.position() + kept.remaining());
                    }
                    kept.put(slice);
                }
            }
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            kept.flip();
            String text = new String(kept.array(), 0, kept.limit(), StandardCharsets.UTF_8);
            result.complete(clean(text, TransportResult.MAX_EXCERPT_BYTES));
        }
    }
}
