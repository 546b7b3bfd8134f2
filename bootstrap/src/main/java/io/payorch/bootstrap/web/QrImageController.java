package io.payorch.bootstrap.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.payorch.application.InvalidRequestException;
import io.payorch.application.port.in.GetQrIntentUseCase;
import io.payorch.domain.QrIntent;
import io.payorch.domain.QrStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

/**
 * A QR's UPI intent as a scannable image. While the QR is ACTIVE the image never changes, so it is
 * cacheable (privately, until the QR expires, at most 5 minutes) with a strong ETag; once the QR is
 * no longer ACTIVE it answers 410. A provider that gives no UPI intent but its own image (Razorpay)
 * answers 409 with that {@code imageUrl}: payorch does not proxy or re-encode another party's image.
 */
@Controller("/v1/qr-codes/{id}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "qr-codes")
@SecurityRequirement(name = "basicAuth")
@ApiResponse(responseCode = "304", description = "Not modified (If-None-Match matched the ETag)")
@ApiResponse(responseCode = "400", description = "size outside 128..1024", content = @Content(
        mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "404", description = "No such QR", content = @Content(
        mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "409", description = "The provider issued an image, not a UPI intent: use imageUrl",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "410", description = "The QR is no longer ACTIVE", content = @Content(
        mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
public class QrImageController {

    static final int MIN_SIZE = 128;
    static final int MAX_SIZE = 1024;
    static final int DEFAULT_SIZE = 300;
    private static final Duration MAX_CACHE = Duration.ofMinutes(5);
    private static final MediaType SVG = MediaType.of("image/svg+xml");

    private final GetQrIntentUseCase qrs;
    private final QrImageRenderer renderer;
    private final Clock clock;

    QrImageController(GetQrIntentUseCase qrs, QrImageRenderer renderer, Clock clock) {
        this.qrs = qrs;
        this.renderer = renderer;
        this.clock = clock;
    }

    @Get(value = "/image.png{?size}", produces = MediaType.IMAGE_PNG)
    @Operation(summary = "The QR's UPI intent as a PNG image")
    @ApiResponse(responseCode = "200", description = "PNG, size × size pixels", content = @Content(mediaType = "image/png"))
    HttpResponse<?> png(String id, @Parameter(hidden = true) Authentication client,
                        @Parameter(description = "pixels, 128 to 1024", example = "300") @Nullable @QueryValue String size,
                        @Nullable @Header(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return image(client.getName(), id, size, ifNoneMatch, "png");
    }

    @Get(value = "/image.svg{?size}", produces = "image/svg+xml")
    @Operation(summary = "The QR's UPI intent as an SVG image")
    @ApiResponse(responseCode = "200", description = "SVG with the given width and height", content = @Content(mediaType = "image/svg+xml"))
    HttpResponse<?> svg(String id, @Parameter(hidden = true) Authentication client, @Parameter(description = "width and height, 128 to 1024") @Nullable @QueryValue String size,
                        @Nullable @Header(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return image(client.getName(), id, size, ifNoneMatch, "svg");
    }

    private HttpResponse<?> image(String merchantId, String id, String sizeText, String ifNoneMatch, String format) {
        int size = size(sizeText);
        QrIntent qr = qrs.get(merchantId, id);
        if (qr.status() != QrStatus.ACTIVE) {
            return Problem.of(HttpStatus.GONE, "qr_not_active",
                    "The QR is " + qr.status() + "; only an ACTIVE QR has an image.").toResponse();
        }
        if (qr.upiIntent() == null) {
            return Problem.of(HttpStatus.CONFLICT, "qr_image_at_provider",
                    qr.provider() + " issued its own image instead of a UPI intent: " + qr.imageUrl())
                    .withResource(QrView.of(qr)).toResponse();
        }
        String etag = "\"" + digest(format + "|" + size + "|" + qr.upiIntent()) + "\"";
        long maxAge = cacheSeconds(qr);
        if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.trim().equals("*"))) {
            return HttpResponse.notModified().header(HttpHeaders.ETAG, etag)
                    .header(HttpHeaders.CACHE_CONTROL, "private, max-age=" + maxAge);
        }
        byte[] body = "png".equals(format) ? renderer.png(qr.upiIntent(), size) : renderer.svg(qr.upiIntent(), size);
        return HttpResponse.ok(body).contentType("png".equals(format) ? MediaType.IMAGE_PNG_TYPE : SVG)
                .header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=" + maxAge);
    }

    private long cacheSeconds(QrIntent qr) {
        if (qr.expiry() == null) {
            return MAX_CACHE.toSeconds();
        }
        long left = Duration.between(clock.instant(), qr.expiry().at()).toSeconds();
        return Math.max(0, Math.min(left, MAX_CACHE.toSeconds()));
    }

    private static int size(String text) {
        if (text == null) {
            return DEFAULT_SIZE;
        }
        try {
            int size = Integer.parseInt(text.trim());
            if (size >= MIN_SIZE && size <= MAX_SIZE) {
                return size;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw InvalidRequestException.of("size", "must be a whole number of pixels from " + MIN_SIZE + " to " + MAX_SIZE);
    }

    private static String digest(String value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
