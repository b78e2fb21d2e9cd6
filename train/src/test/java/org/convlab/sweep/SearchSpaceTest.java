package org.convlab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.convlab.autograd.Rng;
import org.junit.jupiter.api.Test;

class SearchSpaceTest {
    private static final SearchSpace SPACE = SearchSpace.builder()
            .logUniform("lr", 1e-4, 1e-2)
            .uniform("lr_decay", 0.9, 1.0)
            .integers("hidden", 50, 200)
            .choice("optimizer", "adam", "sgd")
            .build();

    @Test
    void seededRandomSearchDrawsTheSameConfigsForTheSameSeed() {
        List<Config> first = Search.random(42).configs(SPACE, 20, 0);
        assertEquals(first, Search.random(42).configs(SPACE, 20, 0));
        assertNotEquals(first, Search.random(43).configs(SPACE, 20, 0));
        assertEquals(first.subList(0, 5), Search.random(42).configs(SPACE, 5, 0), "more trials keep the first ones");
        assertNotEquals(first, Search.random(42).configs(SPACE, 20, 1), "each round draws from its own stream");
        assertTrue(first.stream().allMatch(SPACE::contains));
    }

    @Test
    void seededRandomSearchDrawsExactlyTheseValuesOnEveryJvm() {
        Config config = Search.random(7).configs(SPACE, 1, 0).get(0);
        assertEquals(Map.of("lr", 6.020873418357911E-4, "lr_decay", 0.9016788294528156, "hidden", 59, "optimizer", "sgd"),
                config.asMap());
    }

    @Test
    void logUniformSamplesSpreadEvenlyOverDecades() {
        Domain lr = Domain.logUniform(1e-6, 1e-2);
        Rng rng = new Rng(3);
        int[] decades = new int[4];
        for (int i = 0; i < 4000; i++) {
            decades[(int) Math.floor(Math.log10((Double) lr.sample(rng))) + 6]++;
        }
        for (int count : decades) {
            assertTrue(count > 850 && count < 1150, "about 1000 per decade, got " + count);
        }
    }

    @Test
    void gridCoversTheCartesianProductOfTheAxes() {
        SearchSpace space = SearchSpace.builder().logUniform("lr", 1e-4, 1e-2).integers("hidden", 1, 2)
                .choice("optimizer", "adam", "sgd", "rmsprop").build();
        List<Config> grid = Search.grid(3).configs(space, Integer.MAX_VALUE, 0);
        assertEquals(3 * 2 * 3, grid.size());
        assertEquals(grid.size(), new HashSet<>(grid).size(), "no config twice");
        assertEquals(List.of(1e-4, 1e-3, 1e-2), grid.stream().map(c -> c.get("lr")).distinct().map(v -> round((Double) v)).toList());
        assertEquals(1e-4, grid.get(0).getDouble("lr"), "the ends are exact");
        assertEquals(1e-2, grid.get(grid.size() - 1).getDouble("lr"));
        assertEquals(Map.of("lr", 1e-4, "hidden", 1, "optimizer", "sgd"), grid.get(1).asMap(), "the last axis varies fastest");
        assertEquals(grid.subList(0, 4), Search.grid(3).configs(space, 4, 0), "a limit keeps the first points");
    }

    private static double round(double value) {
        return Double.parseDouble(String.format("%.6g", value));
    }

    @Test
    void narrowingKeepsTheSpanOfTheBestWidenedByTheMargin() {
        List<Config> best = List.of(
                Config.of(Map.of("lr", 1e-3, "lr_decay", 0.95, "hidden", 100, "optimizer", "adam")),
                Config.of(Map.of("lr", 2e-3, "lr_decay", 0.97, "hidden", 120, "optimizer", "adam")));
        SearchSpace finer = SPACE.narrow(best, 0.1);
        Domain.LogUniform lr = (Domain.LogUniform) finer.domain("lr");
        double pad = 0.1 * Math.log(100);
        assertEquals(Math.exp(Math.log(1e-3) - pad), lr.low(), 1e-12);
        assertEquals(Math.exp(Math.log(2e-3) + pad), lr.high(), 1e-12);
        Domain.Uniform decay = (Domain.Uniform) finer.domain("lr_decay");
        assertEquals(0.94, decay.low(), 1e-12);
        assertEquals(0.98, decay.high(), 1e-12);
        assertEquals(new Domain.IntRange(85, 135), finer.domain("hidden"));
        assertEquals(Domain.choice("adam"), finer.domain("optimizer"));
        SearchSpace clipped = SPACE.narrow(List.of(Config.of(Map.of("lr", 1e-2, "lr_decay", 1.0, "hidden", 200,
                "optimizer", "sgd"))), 0.5);
        assertEquals(1e-2, ((Domain.LogUniform) clipped.domain("lr")).high(), "never beyond the original range");
    }

    @Test
    void specsReadBackWhatTheyWrite() {
        for (String spec : List.of("log:1e-4:0.01", "uniform:0.9:1.0", "int:50:200", "choice:32,64", "choice:adam,sgd",
                "choice:0.5,1.5", "0.95", "threelayer", "7")) {
            assertEquals(spec, Domain.parse(spec).toString());
            assertEquals(Domain.parse(spec), Domain.parse(Domain.parse(spec).toString()));
        }
        assertEquals(Domain.choice(32, 64), Domain.parse("choice:32, 64"));
        assertEquals(Domain.choice(0.5, 1.0), Domain.parse("choice:0.5,1"), "a choice with a real holds reals");
        assertEquals(Map.of("lr", "log:1e-4:0.01"), SearchSpace.parse(Map.of("lr", "log:1e-4:1e-2")).specs());
    }

    @Test
    void malformedSpacesAreRefusedWithTheReason() {
        assertEquals("lr: 'log:1e-4' : log needs two bounds, as in log:1e-4:1e-2".replace(" : ", ": "),
                assertThrows(IllegalArgumentException.class, () -> SearchSpace.parse(Map.of("lr", "log:1e-4"))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Domain.parse("log:0:1"), "log needs positive bounds");
        assertThrows(IllegalArgumentException.class, () -> Domain.parse("uniform:2:1"));
        assertThrows(IllegalArgumentException.class, () -> Domain.parse("int:1:x"));
        assertThrows(IllegalArgumentException.class, () -> Domain.parse("choice:32,32"));
        assertThrows(IllegalArgumentException.class, () -> Domain.parse("a,b"));
        assertThrows(IllegalArgumentException.class, () -> SearchSpace.builder().choice("status", 1).build(),
                "a results-table column");
        assertThrows(IllegalArgumentException.class, () -> SearchSpace.builder().choice("batch-size", 1).build());
        assertThrows(IllegalArgumentException.class, () -> SearchSpace.builder().build());
    }
}
