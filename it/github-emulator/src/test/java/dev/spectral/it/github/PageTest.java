package dev.spectral.it.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PageTest {
    private static final String BASE = "https://api.github.com/repositories/7/environments/prod/secrets";
    private static final List<Integer> ITEMS =
            IntStream.rangeClosed(1, 25).boxed().collect(Collectors.toList());

    @Test
    void defaultsAndClamps() {
        assertEquals(new Page(30, 1), Page.from(Map.of(), 30, 100));
        assertEquals(new Page(100, 2), Page.from(Map.of("per_page", "500", "page", "2"), 30, 100));
        assertEquals(new Page(30, 1), Page.from(Map.of("per_page", "0", "page", "-3"), 30, 100));
        assertEquals(new Page(10, 1), Page.from(Map.of("per_page", "abc"), 10, 30));
        assertEquals(new Page(30, 1), Page.from(Map.of("per_page", "100"), 10, 30));
    }

    @Test
    void slices() {
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), new Page(10, 1).slice(ITEMS));
        assertEquals(List.of(21, 22, 23, 24, 25), new Page(10, 3).slice(ITEMS));
        assertEquals(List.of(), new Page(10, 4).slice(ITEMS));
        assertEquals(3, new Page(10, 1).lastPage(25));
        assertEquals(1, new Page(10, 1).lastPage(0));
    }

    @Test
    void linkOnFirstPageHasNextAndLast() {
        assertEquals(
                Optional.of("<" + BASE + "?per_page=10&page=2>; rel=\"next\", <" + BASE
                        + "?per_page=10&page=3>; rel=\"last\""),
                new Page(10, 1).link(BASE, 25));
    }

    @Test
    void linkOnMiddlePageHasAllFour() {
        assertEquals(
                Optional.of("<" + BASE + "?per_page=10&page=1>; rel=\"prev\", <" + BASE
                        + "?per_page=10&page=3>; rel=\"next\", <" + BASE + "?per_page=10&page=3>; rel=\"last\", <"
                        + BASE
                        + "?per_page=10&page=1>; rel=\"first\""),
                new Page(10, 2).link(BASE, 25));
    }

    @Test
    void linkOnLastPageHasNoNext() {
        String link = new Page(10, 3).link(BASE, 25).orElseThrow();
        assertTrue(link.contains("rel=\"prev\"") && link.contains("rel=\"first\""));
        assertTrue(!link.contains("rel=\"next\"") && !link.contains("rel=\"last\""));
    }

    @Test
    void noLinkOnALonePage() {
        assertEquals(Optional.empty(), new Page(30, 1).link(BASE, 25));
        assertEquals(Optional.empty(), new Page(30, 1).link(BASE, 0));
    }
}
