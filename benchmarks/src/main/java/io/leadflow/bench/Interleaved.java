package io.leadflow.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * A cross-check of the JMH ratios on a shared, noisy machine: the contestants run in short
 * alternating slices (rotating order), so load that drifts during the run hits all of them alike.
 * Prints the median throughput of each and the ratios. {@code java -cp benchmarks.jar io.leadflow.bench.Interleaved [rounds]}
 */
public final class Interleaved {
    private Interleaved() { }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        MappingBenchmark b = new MappingBenchmark();
        b.setUp();
        Map<String, ToIntFunction<MappingBenchmark>> contestants = new LinkedHashMap<>();
        contestants.put("leadflowTree", x -> x.leadflowTree().size());
        contestants.put("jsltTree", x -> x.jsltTree().size());
        contestants.put("handTree", x -> x.handTree().size());
        contestants.put("leadflowBytes", x -> bytes(x::leadflowBytes));
        contestants.put("leadflowTreeBytes", x -> bytes(x::leadflowTreeBytes));
        contestants.put("jsltBytes", x -> bytes(x::jsltBytes));
        contestants.put("handBytes", x -> bytes(x::handBytes));
        List<String> names = new ArrayList<>(contestants.keySet());
        for (int warm = 0; warm < 3; warm++) for (String n : names) slice(b, contestants.get(n), 1000);
        Map<String, double[]> results = new LinkedHashMap<>();
        names.forEach(n -> results.put(n, new double[rounds]));
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < names.size(); i++) {
                String n = names.get((i + r) % names.size());
                results.get(n)[r] = slice(b, contestants.get(n), 200);
            }
        }
        Map<String, Double> median = new LinkedHashMap<>();
        results.forEach((n, v) -> {
            double[] s = v.clone();
            Arrays.sort(s);
            median.put(n, s[s.length / 2]);
        });
        median.forEach((n, m) -> System.out.printf("%-18s %10.1f ops/ms%n", n, m));
        for (String kind : List.of("Tree", "Bytes")) {
            double lf = median.get("leadflow" + kind);
            System.out.printf("%-5s leadflow/jslt = %.2f   leadflow/hand = %.2f%n", kind, lf / median.get("jslt" + kind),
                    lf / median.get("hand" + kind));
        }
    }

    interface Bytes {
        byte[] get() throws Exception;
    }

    private static int bytes(Bytes f) {
        try {
            return f.get().length;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static volatile int sink;

    /** Operations per millisecond over a slice of {@code millis}. */
    private static double slice(MappingBenchmark b, ToIntFunction<MappingBenchmark> f, long millis) {
        long end = System.nanoTime() + millis * 1_000_000L;
        long ops = 0;
        int acc = 0;
        long start = System.nanoTime();
        long now;
        do {
            for (int i = 0; i < 64; i++) acc += f.applyAsInt(b);
            ops += 64;
            now = System.nanoTime();
        } while (now < end);
        sink = acc;
        return ops / ((now - start) / 1e6);
    }
}
