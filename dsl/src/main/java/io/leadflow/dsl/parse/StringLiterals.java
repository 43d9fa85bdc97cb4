package io.leadflow.dsl.parse;

/** Quoted token text to its value: strips the quotes and resolves escapes. */
public final class StringLiterals {
    private StringLiterals() { }

    /** The escape's value, or -1 when {@code c} is not a known escape letter. */
    static int escape(char c) {
        return switch (c) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            case '"', '\'', '\\', '{', '}' -> c;
            default -> -1;
        };
    }

    /** The value of a quoted token, escapes resolved; unknown escapes are kept as written (the template pass reports them). */
    public static String unquote(String token) {
        String body = token.substring(1, token.length() - 1);
        StringBuilder b = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                int e = escape(body.charAt(i + 1));
                if (e >= 0) {
                    b.append((char) e);
                    i++;
                    continue;
                }
            }
            b.append(c);
        }
        return b.toString();
    }

    /** Source text of a value: double-quoted when {@code template}, escapes added back. */
    public static String quote(String value, boolean template) {
        StringBuilder b = new StringBuilder(value.length() + 2).append(template ? '"' : '\'');
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                case '\\' -> b.append("\\\\");
                case '"' -> b.append(template ? "\\\"" : "\"");
                case '\'' -> b.append(template ? "'" : "\\'");
                case '{', '}' -> b.append(template ? "\\" + c : String.valueOf(c));
                default -> b.append(c);
            }
        }
        return b.append(template ? '"' : '\'').toString();
    }
}
