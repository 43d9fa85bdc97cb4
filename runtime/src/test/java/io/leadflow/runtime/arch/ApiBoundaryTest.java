package io.leadflow.runtime.arch;

import static org.junit.jupiter.api.Assertions.*;

import io.leadflow.dsl.Program;
import io.leadflow.spi.ConnectorCatalog;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The compiler's API is what its module-info exports, and nothing built on it reaches past that:
 * every class of the runtime and of the connectors (main code, as on this test's class path) is
 * read byte by byte, and every {@code io/leadflow/dsl/...} or {@code io/leadflow/grammar/...}
 * type it names must be in a package the dsl (or grammar) module exports without qualification.
 * The runtime puts the dsl on its class path, where javac does not enforce the module; this test does.
 */
class ApiBoundaryTest {

    static Path location(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static ModuleDescriptor descriptor(Class<?> c) {
        Set<ModuleReference> found = ModuleFinder.of(location(c)).findAll();
        assertEquals(1, found.size(), "one module at " + location(c));
        ModuleDescriptor d = found.iterator().next().descriptor();
        assertFalse(d.isAutomatic(), location(c) + " has no module-info");
        return d;
    }

    static Set<String> exported(ModuleDescriptor d) {
        return d.exports().stream().filter(e -> !e.isQualified()).map(e -> e.source().replace('.', '/')).collect(Collectors.toSet());
    }

    /** Every {@code io/leadflow/...} package a class file names (in its constant pool: types, descriptors, signatures). */
    static Set<String> packagesNamed(byte[] classFile) {
        String text = new String(classFile, StandardCharsets.ISO_8859_1);
        Set<String> out = new TreeSet<>();
        for (int i = text.indexOf("io/leadflow/"); i >= 0; i = text.indexOf("io/leadflow/", i + 1)) {
            int end = i;
            while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || "/_$".indexOf(text.charAt(end)) >= 0)) end++;
            int slash = text.lastIndexOf('/', end - 1);
            if (slash > i) out.add(text.substring(i, slash));
        }
        return out;
    }

    static List<String> violations(Path root, Set<String> allowed) throws IOException {
        List<String> out = new ArrayList<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> s = Files.walk(root)) {
                for (Path f : s.filter(p -> p.toString().endsWith(".class")).toList()) {
                    check(root.relativize(f).toString(), Files.readAllBytes(f), allowed, out);
                }
            }
        } else if (root.toString().endsWith(".jar")) {
            try (JarFile jar = new JarFile(root.toFile())) {
                for (var e : java.util.Collections.list(jar.entries())) {
                    if (e.getName().endsWith(".class")) check(e.getName(), jar.getInputStream(e).readAllBytes(), allowed, out);
                }
            }
        }
        return out;
    }

    private static void check(String name, byte[] bytes, Set<String> allowed, List<String> out) {
        for (String pkg : packagesNamed(bytes)) {
            boolean guarded = pkg.equals("io/leadflow/dsl") || pkg.startsWith("io/leadflow/dsl/") || pkg.startsWith("io/leadflow/grammar");
            if (guarded && !allowed.contains(pkg)) out.add(name + " uses " + pkg.replace('/', '.'));
        }
    }

    @Test
    void runtimeAndConnectors_useOnlyWhatTheDslModuleExports() throws IOException {
        Path dsl = location(Program.class);
        Path spi = location(ConnectorCatalog.class);
        Set<String> allowed = exported(descriptor(Program.class));
        assertTrue(allowed.contains("io/leadflow/dsl"), allowed.toString());
        assertFalse(allowed.contains("io/leadflow/dsl/exec"), "the executable program is the compiler's inside");

        List<Path> checked = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            String s = p.toString().replace('\\', '/');
            boolean ours = s.contains("/leadflow-") || s.contains("/target/classes");
            boolean tests = s.contains("test-classes") || s.endsWith("-tests.jar");
            if (!ours || tests || !Files.exists(p) || p.equals(dsl) || s.contains("grammar")) continue;
            checked.add(p);
            bad.addAll(violations(p, allowed));
        }
        assertTrue(checked.stream().anyMatch(p -> p.toString().contains("runtime")), "the runtime's classes were checked: " + checked);
        assertTrue(checked.contains(spi), "the connectors SPI was checked: " + checked);
        assertTrue(checked.size() >= 5, "the connectors were checked: " + checked);
        assertEquals(List.of(), bad, "types from packages the dsl module does not export");
    }

    @Test
    void theScanFindsAReachIntoTheInside() {
        // what the runtime did before (UsedFields downcast to exec.FlowProgram) is found
        byte[] fake = "\u0000\u0001Lio/leadflow/dsl/exec/FlowProgram;\u0000(Lio/leadflow/dsl/Program;)V".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(Set.of("io/leadflow/dsl", "io/leadflow/dsl/exec"), packagesNamed(fake));
        List<String> out = new ArrayList<>();
        check("X.class", fake, Set.of("io/leadflow/dsl"), out);
        assertEquals(List.of("X.class uses io.leadflow.dsl.exec"), out);
    }

    @Test
    void theSpiIsAModuleExportingEveryPackageItHas() {
        ModuleDescriptor spi = descriptor(ConnectorCatalog.class);
        assertEquals(spi.packages(), spi.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()));
    }
}
