package io.leadflow.dsl.sources;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.dsl.SourceSpan;
import io.leadflow.dsl.ast.Arg;
import io.leadflow.dsl.compile.Constants;
import io.leadflow.dsl.DiagnosticCode;
import io.leadflow.dsl.diag.Diagnostics;
import io.leadflow.dsl.diag.Suggest;
import io.leadflow.dsl.parse.Durations;
import io.leadflow.spi.ArgSpec;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The arguments of a source ({@code from horoshop.orders(account: "shop1")}) or of a scheduled
 * job against what the runtime implements: named, known (did-you-mean), constant, of the right
 * type, given once, and every required one present.
 */
final class ArgCheck {
    private final Diagnostics sink;
    private final DiagnosticCode code;

    ArgCheck(Diagnostics sink) {
        this(sink, DiagnosticCode.LF410);
    }

    ArgCheck(Diagnostics sink, DiagnosticCode code) {
        this.sink = sink;
        this.code = code;
    }

    void check(Iterable<Arg> args, Map<String, ArgSpec> known, String owner, SourceSpan at) {
        Set<String> given = new HashSet<>();
        for (Arg a : args) {
            if (a.name().isEmpty()) {
                sink.error(code, owner + " takes named arguments (" + names(known) + ")", a.span());
                continue;
            }
            String name = a.name().get();
            ArgSpec spec = known.get(name);
            if (spec == null) {
                sink.error(code, owner + " has no argument '" + name + "'" + Suggest.hint(name, known.keySet())
                        + " (it takes: " + names(known) + ")", a.span());
                continue;
            }
            if (!given.add(name)) {
                sink.error(code, "argument '" + name + "' is given twice", a.span());
                continue;
            }
            JsonNode v = Constants.of(a.value());
            if (v == null || !fits(spec.type(), v)) {
                sink.error(code, "argument '" + name + "' of " + owner + " takes " + spec.type().display()
                        + (v == null ? " (a constant)" : ""), a.value().span());
            } else if (!spec.values().isEmpty()) {
                for (JsonNode item : v.isArray() ? v : List.of(v)) {
                    if (item.isTextual() && spec.values().contains(item.textValue())) continue;
                    String word = item.isTextual() ? item.textValue() : item.toString();
                    String why = spec.refused().get(word);
                    sink.error(code, "argument '" + name + "' of " + owner + " does not implement '" + word + "'"
                            + (why != null ? ": " + why : Suggest.hint(word, spec.values())) + " (it takes: " + String.join(", ", spec.values()) + ")",
                            a.value().span());
                }
            }
        }
        for (ArgSpec spec : known.values()) {
            if (spec.required() && !given.contains(spec.name())) {
                sink.error(code, owner + " needs the argument '" + spec.name() + "': " + spec.meaning(), at);
            }
        }
    }

    private static String names(Map<String, ArgSpec> known) {
        return known.isEmpty() ? "none" : String.join(", ", known.keySet());
    }

    static boolean fits(ArgSpec.Type type, JsonNode v) {
        return switch (type) {
            case TEXT -> v.isTextual();
            case NUMBER -> v.isNumber();
            case BOOLEAN -> v.isBoolean();
            case TEXT_LIST -> v.isArray();
            case DURATION -> v.isTextual() && duration(v.textValue());
            case DATE -> v.isTextual() && date(v.textValue());
        };
    }

    private static boolean duration(String s) {
        return Durations.parseText(s).isPresent();
    }

    private static boolean date(String s) {
        try {
            LocalDate.parse(s);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
