package io.payorch.bootstrap.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.annotation.PreMatching;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteMatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code Accept} as RFC 9110 §12.5.1 reads it. Micronaut matches each listed type against what a
 * route produces literally and ignores q-values, so {@code image/*} on a PNG or
 * {@code application/*} on JSON was a 406. Before routing, an {@code Accept} with wildcards or
 * parameters is resolved here against the representations the addressed routes produce: the one
 * with the highest q above 0 (by its most specific matching range; ties go to the route's order)
 * replaces the header. When none is acceptable, only the ranges with q above 0 are kept, so the
 * router still answers 406.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class AcceptNegotiation {

    private final Router router;

    AcceptNegotiation(Router router) {
        this.router = router;
    }

    @PreMatching
    @RequestFilter
    void resolveRanges(MutableHttpRequest<?> request) {
        String accept = request.getHeaders().get(HttpHeaders.ACCEPT);
        if (accept == null || "*/*".equals(accept.trim()) || (accept.indexOf('*') < 0 && accept.indexOf(';') < 0)) {
            return;
        }
        List<Range> ranges = Range.parseAll(accept);
        List<MediaType> produced = new ArrayList<>();
        for (UriRouteMatch<Object, Object> match : router.findAny(request)) {
            if (match.getRouteInfo().getHttpMethodName().equals(request.getMethodName())) {
                produced.addAll(match.getRouteInfo().getProduces());
            }
        }
        if (produced.isEmpty() || produced.contains(MediaType.ALL_TYPE)) {
            return;
        }
        MediaType best = null;
        double bestQuality = 0;
        for (MediaType type : produced) {
            double quality = Range.quality(ranges, type);
            if (quality > bestQuality) {
                best = type;
                bestQuality = quality;
            }
        }
        String resolved = best != null ? best.getName()
                : String.join(", ", ranges.stream().filter(r -> r.quality() > 0).map(Range::name).toList());
        if (!resolved.isEmpty()) {
            request.getHeaders().set(HttpHeaders.ACCEPT, resolved);
        }
    }

    /** One media range of an Accept header: {@code type/subtype} (either may be {@code *}) and its q. */
    record Range(String type, String subtype, double quality) {

        static List<Range> parseAll(String header) {
            List<Range> ranges = new ArrayList<>();
            for (String part : header.split(",")) {
                String[] pieces = part.split(";");
                String[] name = pieces[0].trim().toLowerCase(Locale.ROOT).split("/", -1);
                if (name.length != 2 || name[0].isEmpty() || name[1].isEmpty()) {
                    continue;
                }
                double quality = 1;
                for (int i = 1; i < pieces.length; i++) {
                    String parameter = pieces[i].trim();
                    if (parameter.length() > 2 && parameter.substring(0, 2).equalsIgnoreCase("q=")) {
                        quality = parseQuality(parameter.substring(2).trim());
                    }
                }
                ranges.add(new Range(name[0], name[1], quality));
            }
            return ranges;
        }

        /** RFC 9110 qvalue: 0 to 1 with at most three decimals; anything else excludes the range. */
        private static double parseQuality(String text) {
            if (!text.matches("0(\\.\\d{0,3})?|1(\\.0{0,3})?")) {
                return 0;
            }
            return Double.parseDouble(text);
        }

        /** The quality the most specific range matching {@code type} gives it; 0 when none matches. */
        static double quality(List<Range> ranges, MediaType type) {
            int bestSpecificity = -1;
            double quality = 0;
            for (Range range : ranges) {
                int specificity = range.specificityFor(type);
                if (specificity > bestSpecificity) {
                    bestSpecificity = specificity;
                    quality = range.quality;
                }
            }
            return quality;
        }

        private int specificityFor(MediaType media) {
            String mediaType = media.getType().toLowerCase(Locale.ROOT);
            String mediaSubtype = media.getSubtype().toLowerCase(Locale.ROOT);
            if ("*".equals(type)) {
                return "*".equals(subtype) ? 0 : -1;
            }
            if (!type.equals(mediaType)) {
                return -1;
            }
            if ("*".equals(subtype)) {
                return 1;
            }
            return subtype.equals(mediaSubtype) ? 2 : -1;
        }

        String name() {
            return type + "/" + subtype;
        }
    }
}
