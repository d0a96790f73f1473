package dev.spectral.it.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * One page of a list: {@code per_page} (a default, clamped to a maximum) and {@code page}
 * (1-based), and the RFC 5988 Link header that points at the neighbouring pages.
 */
record Page(int perPage, int page) {

    static Page from(Map<String, String> query, int defaultPerPage, int maxPerPage) {
        int perPage = positive(query.get("per_page")).orElse(defaultPerPage);
        int page = positive(query.get("page")).orElse(1);
        return new Page(Math.min(perPage, maxPerPage), page);
    }

    private static Optional<Integer> positive(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            int value = Integer.parseInt(text.trim());
            return value > 0 ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * A list answer as GitHub gives it: {@code {total_count, <name>: [this page]}} and a Link header.
     *
     * @param baseUrl the list's URL, for the Link header
     * @param name the array's name ("secrets", "variables")
     */
    <T> HttpResponse listing(
            String baseUrl, String name, Map<String, T> entries, BiFunction<String, T, JsonNode> item) {
        List<Map.Entry<String, T>> all = new ArrayList<>(entries.entrySet());
        ObjectNode body = Json.object();
        body.put("total_count", all.size());
        ArrayNode items = body.putArray(name);
        slice(all).forEach(e -> items.add(item.apply(e.getKey(), e.getValue())));
        HttpResponse response = HttpResponse.json(200, body);
        link(baseUrl, all.size()).ifPresent(link -> response.withHeader("Link", link));
        return response;
    }

    <T> List<T> slice(List<T> all) {
        long from = (long) (page - 1) * perPage;
        if (from >= all.size()) {
            return List.of();
        }
        return new ArrayList<>(all.subList((int) from, (int) Math.min(all.size(), from + perPage)));
    }

    int lastPage(int total) {
        return Math.max(1, (total + perPage - 1) / perPage);
    }

    /** GitHub's Link header (prev, next, last, first as they apply), or empty on a lone page. */
    Optional<String> link(String baseUrl, int total) {
        int last = lastPage(total);
        List<String> parts = new ArrayList<>();
        if (page > 1) {
            parts.add(rel(baseUrl, Math.min(page - 1, last), "prev"));
        }
        if (page < last) {
            parts.add(rel(baseUrl, page + 1, "next"));
            parts.add(rel(baseUrl, last, "last"));
        }
        if (page > 1) {
            parts.add(rel(baseUrl, 1, "first"));
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", parts));
    }

    private String rel(String baseUrl, int target, String rel) {
        return "<" + baseUrl + "?per_page=" + perPage + "&page=" + target + ">; rel=\"" + rel + "\"";
    }
}
