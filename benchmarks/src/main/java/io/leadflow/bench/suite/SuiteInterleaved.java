package io.leadflow.bench.suite;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The suite's ratios measured side by side: for each workload the contestants run in short
 * slices in rotating order, so load that drifts on a shared machine hits all of them alike.
 * Prints, per workload, the median ops/ms and bytes allocated per mapped lead of each contestant,
 * and the ratios; then the worst workload per ratio.
 * {@code java -cp benchmarks.jar io.leadflow.bench.suite.SuiteInterleaved [rounds] [sliceMillis] [workload…]}
 */
public final class SuiteInterleaved {
    private SuiteInterleaved() { }

    interface Op {
        Object run(Suite s) throws Exception;
    }

    static final Map<String, Op> CONTESTANTS = new LinkedHashMap<>();

    static {
        CONTESTANTS.put("leadflowTree", Suite::leadflowTree);
        CONTESTANTS.put("closuresTree", Suite::closuresTree);
        CONTESTANTS.put("jsltTree", Suite::jsltTree);
        CONTESTANTS.put("handTree", Suite::handTree);
        CONTESTANTS.put("leadflowBytes", Suite::leadflowBytes);
        CONTESTANTS.put("leadflowTreeBytes", Suite::leadflowTreeBytes);
        CONTESTANTS.put("jsltBytes", Suite::jsltBytes);
        CONTESTANTS.put("handBytes", Suite::handBytes);
        CONTESTANTS.put("floorBytes", Suite::floorBytes);
    }

    static volatile Object sink;
    private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        long slice = args.length > 1 ? Long.parseLong(args[1]) : 100;
        List<String> names = args.length > 2 ? Arrays.asList(args).subList(2, args.length) : Workloads.NAMES;
        Map<String, Map<String, double[]>> all = new LinkedHashMap<>();
        for (String w : names) {
            Suite s = Suite.of(w);
            s.check();
            List<String> cs = new ArrayList<>(CONTESTANTS.keySet());
            for (int warm = 0; warm < 3; warm++) for (String c : cs) slice(s, CONTESTANTS.get(c), 300);
            Map<String, double[][]> res = new LinkedHashMap<>();
            cs.forEach(c -> res.put(c, new double[2][rounds]));
            for (int r = 0; r < rounds; r++) {
                for (int i = 0; i < cs.size(); i++) {
                    String c = cs.get((i + r) % cs.size());
                    double[] m = slice(s, CONTESTANTS.get(c), slice);
                    res.get(c)[0][r] = m[0];
                    res.get(c)[1][r] = m[1];
                }
            }
            Map<String, double[]> med = new LinkedHashMap<>();
            res.forEach((c, v) -> med.put(c, new double[] {median(v[0]), median(v[1]), min(v[0]), max(v[0])}));
            all.put(w, med);
            System.out.printf("%n%s — %s%n", w, s.workload.description());
            med.forEach((c, m) -> System.out.printf("  %-16s %9.1f ops/ms (min %.1f, max %.1f)  %8.0f B/lead%n", c, m[0], m[2], m[3], m[1]));
            for (String k : List.of("Tree", "Bytes")) {
                double lf = med.get("leadflow" + k)[0];
                System.out.printf("  %-5s leadflow/jslt %.2f  leadflow/hand %.2f  alloc leadflow/jslt %.2f%n", k, lf / med.get("jslt" + k)[0],
                        lf / med.get("hand" + k)[0], med.get("leadflow" + k)[1] / med.get("jslt" + k)[1]);
            }
            System.out.printf("  Bytes floor (tokenise the lead + write the mapped document, no mapping): jslt/floor %.2f  leadflow/floor %.2f%n",
                    med.get("jsltBytes")[0] / med.get("floorBytes")[0], med.get("leadflowBytes")[0] / med.get("floorBytes")[0]);
        }
        System.out.printf("%n| workload | tree vs JSLT | tree vs hand | bytes vs JSLT | bytes vs hand | B/lead tree L/J/H | B/lead bytes L/J/H |%n|---|---|---|---|---|---|---|%n");
        all.forEach((w, m) -> System.out.printf("| %s | %.2f× | %.2f× | %.2f× | %.2f× | %.0f / %.0f / %.0f | %.0f / %.0f / %.0f |%n", w,
                m.get("leadflowTree")[0] / m.get("jsltTree")[0], m.get("leadflowTree")[0] / m.get("handTree")[0],
                m.get("leadflowBytes")[0] / m.get("jsltBytes")[0], m.get("leadflowBytes")[0] / m.get("handBytes")[0],
                m.get("leadflowTree")[1], m.get("jsltTree")[1], m.get("handTree")[1],
                m.get("leadflowBytes")[1], m.get("jsltBytes")[1], m.get("handBytes")[1]));
        System.out.printf("%n| workload | bytes vs JSLT | bytes floor vs JSLT (the most any Jackson-based mapper reaches) | Leadflow bytes vs floor |%n|---|---|---|---|%n");
        all.forEach((w, m) -> System.out.printf("| %s | %.2f× | %.2f× | %.2f× |%n", w, m.get("leadflowBytes")[0] / m.get("jsltBytes")[0],
                m.get("floorBytes")[0] / m.get("jsltBytes")[0], m.get("leadflowBytes")[0] / m.get("floorBytes")[0]));
        for (String[] q : new String[][] {{"Tree", "jslt"}, {"Tree", "hand"}, {"Bytes", "jslt"}, {"Bytes", "hand"}}) {
            String worst = null;
            double ratio = Double.MAX_VALUE;
            for (var e : all.entrySet()) {
                double r = e.getValue().get("leadflow" + q[0])[0] / e.getValue().get(q[1] + q[0])[0];
                if (r < ratio) { ratio = r; worst = e.getKey(); }
            }
            System.out.printf("worst %s vs %s: %.2f× (%s)%n", q[0].toLowerCase(), q[1], ratio, worst);
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(0);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(0);
    }

    /** {ops per millisecond, bytes allocated per op} over a slice of {@code millis}. */
    private static double[] slice(Suite s, Op op, long millis) throws Exception {
        long tid = Thread.currentThread().getId();
        long a0 = THREADS.getThreadAllocatedBytes(tid);
        long start = System.nanoTime();
        long end = start + millis * 1_000_000L;
        long ops = 0;
        long now;
        Object last = null;
        do {
            for (int i = 0; i < 16; i++) last = op.run(s);
            ops += 16;
            now = System.nanoTime();
        } while (now < end);
        long a1 = THREADS.getThreadAllocatedBytes(tid);
        sink = last;
        return new double[] {ops / ((now - start) / 1e6), (double) (a1 - a0) / ops};
    }
}
