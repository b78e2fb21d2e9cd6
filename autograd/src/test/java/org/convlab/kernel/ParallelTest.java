package org.convlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shared pool: chunking, exceptions, nesting and thread budgets. */
class ParallelTest {

    private int savedPoolSize;

    @BeforeEach
    void useFourThreads() {
        savedPoolSize = Parallel.poolSize();
        Parallel.setPoolSize(4);
    }

    @AfterEach
    void restorePoolSize() {
        Parallel.setPoolSize(savedPoolSize);
    }

    @Test
    void coversTheRangeExactlyOnceInContiguousChunks() {
        for (int n : new int[] {1, 2, 3, 7, 100, 1001}) {
            AtomicIntegerArray visits = new AtomicIntegerArray(n);
            List<int[]> chunks = Collections.synchronizedList(new ArrayList<>());
            Parallel.forRange(n, 1, (from, to) -> {
                chunks.add(new int[] {from, to});
                for (int i = from; i < to; i++) {
                    visits.incrementAndGet(i);
                }
            });
            for (int i = 0; i < n; i++) {
                assertEquals(1, visits.get(i), "index " + i + " of " + n);
            }
            assertTrue(chunks.size() <= Math.min(n, 4), chunks.size() + " chunks for " + n);
        }
    }

    @Test
    void neverMakesChunksSmallerThanTheGrain() {
        List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
        Parallel.forRange(250, 100, (from, to) -> sizes.add(to - from));
        assertEquals(2, sizes.size(), sizes.toString());
        assertTrue(sizes.stream().allMatch(size -> size >= 100), sizes.toString());
        sizes.clear();
        Parallel.forRange(99, 100, (from, to) -> sizes.add(to - from));
        assertEquals(List.of(99), sizes);
    }

    @Test
    void runsChunksOnPoolWorkersAndOneOnTheCaller() {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        Parallel.forRange(4, 1, (from, to) -> {
            threads.add(Thread.currentThread().getName());
            long until = System.nanoTime() + 20_000_000;
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
        });
        assertTrue(threads.contains(Thread.currentThread().getName()), threads.toString());
        assertTrue(threads.stream().allMatch(name -> name.equals(Thread.currentThread().getName())
                || name.startsWith("convlab-worker-")), threads.toString());
    }

    @Test
    void rethrowsTheFailureOfAChunkOnTheCaller() {
        IllegalStateException failure = new IllegalStateException("chunk failed");
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> Parallel.forRange(8, 1, (from, to) -> {
                    if (from == 0) {
                        throw failure;
                    }
                }));
        assertSame(failure, thrown);
        AssertionError error = assertThrows(AssertionError.class, () -> Parallel.forRange(8, 1, (from, to) -> {
            if (to == 8) {
                throw new AssertionError("last chunk");
            }
        }));
        assertEquals("last chunk", error.getMessage());
    }

    @Test
    void wrapsCheckedExceptionsInACompletionException() {
        CompletionException thrown = assertThrows(CompletionException.class,
                () -> Parallel.forRange(8, 1, (from, to) -> sneakyThrow(new IOException("disk"))));
        assertEquals("disk", thrown.getCause().getMessage());
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> void sneakyThrow(Throwable t) throws E {
        throw (E) t;
    }

    @Test
    void runsNestedCallsInlineWithABudgetOfOne() {
        AtomicIntegerArray innerThreads = new AtomicIntegerArray(4);
        Parallel.forRange(4, 1, (from, to) -> {
            for (int i = from; i < to; i++) {
                int outer = i;
                assertEquals(1, Parallel.threads());
                String caller = Thread.currentThread().getName();
                Parallel.forRange(100, 1, (f, t) -> {
                    assertEquals(caller, Thread.currentThread().getName());
                    innerThreads.incrementAndGet(outer);
                });
            }
        });
        for (int i = 0; i < 4; i++) {
            assertEquals(1, innerThreads.get(i), "outer chunk " + i + " ran its inner range in one piece");
        }
    }

    @Test
    void withThreadsSetsTheBudgetForItsBodyAndRestoresIt() {
        assertEquals(4, Parallel.threads());
        int inside = Parallel.withThreads(2, () -> {
            assertEquals(1, Parallel.withThreads(1, Parallel::threads));
            return Parallel.threads();
        });
        assertEquals(2, inside);
        assertEquals(4, Parallel.threads());
        assertThrows(IllegalStateException.class, () -> Parallel.withThreads(3, () -> {
            throw new IllegalStateException("body failed");
        }));
        assertEquals(4, Parallel.threads());
        assertEquals(4, Parallel.withThreads(16, Parallel::threads), "the budget never exceeds the pool");
    }

    @Test
    void aBudgetOfOneRunsTheWholeRangeOnTheCaller() {
        List<String> threads = Collections.synchronizedList(new ArrayList<>());
        Parallel.withThreads(1, () -> Parallel.forRange(1000, 1, (from, to) -> threads.add(
                Thread.currentThread().getName() + " " + from + "-" + to)));
        assertEquals(List.of(Thread.currentThread().getName() + " 0-1000"), threads);
    }

    @Test
    void rejectsInvalidArgumentsWithClearMessages() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Parallel.setPoolSize(0));
        assertEquals("Parallel.setPoolSize: the pool size must be at least 1, got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Parallel.withThreads(0, () -> { }));
        assertEquals("Parallel.withThreads: the thread budget must be at least 1, got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Parallel.forRange(-1, 1, (from, to) -> { }));
        assertEquals("Parallel.forRange: the range size must be at least 0, got -1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Parallel.forRange(10, 0, (from, to) -> { }));
        assertEquals("Parallel.forRange: the grain must be at least 1, got 0", e.getMessage());
    }

    @Test
    void concurrentCallersEachCompleteTheirRanges() throws InterruptedException {
        int callers = 3;
        AtomicIntegerArray sums = new AtomicIntegerArray(callers);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            int caller = c;
            Thread thread = new Thread(() -> {
                for (int round = 0; round < 200; round++) {
                    Parallel.forRange(64, 1, (from, to) -> sums.addAndGet(caller, to - from));
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        for (int c = 0; c < callers; c++) {
            assertEquals(200 * 64, sums.get(c), "caller " + c);
        }
    }
}
