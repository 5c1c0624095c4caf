package org.pathwise;

/**
 * Makes the cells of a CSV export safe to open in a spreadsheet. Text that starts with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return would be run as a formula ("CSV injection"), so, as OWASP advises, it gets a
 * leading apostrophe and is shown as text. Numbers and {@code null} are left as they are; quoting is the CSV printer's
 * business.
 */
public final class CsvCells {

    private CsvCells() {}

    /** The value, with a leading {@code '} when it is text a spreadsheet would read as a formula. */
    public static Object safe(Object value) {
        if (value instanceof CharSequence text && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return value;
    }

    /** Each value made {@link #safe(Object) safe}. */
    public static Object[] safe(Object... values) {
        var cells = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            cells[i] = safe(values[i]);
        }
        return cells;
    }
}
