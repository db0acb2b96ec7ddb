package dev.plumb.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A plain-text table for terminals: a header row, aligned columns (numbers right-aligned), cells cut
 * to a maximum width with an ellipsis. Not thread-safe; build, then {@link #render()}.
 */
public final class TextTable {
  private static final int MAX_CELL = 48;
  private final List<String> header;
  private final boolean[] rightAligned;
  private final List<List<String>> rows = new ArrayList<>();

  /** A table with these column titles; {@code rightAligned} marks numeric columns. */
  public TextTable(List<String> header, boolean... rightAligned) {
    this.header = List.copyOf(header);
    this.rightAligned = new boolean[header.size()];
    System.arraycopy(rightAligned, 0, this.rightAligned, 0, Math.min(rightAligned.length, header.size()));
  }

  /** Adds a row; missing trailing cells are blank. */
  public TextTable row(String... cells) {
    List<String> r = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      String c = i < cells.length && cells[i] != null ? cells[i] : "";
      c = c.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
      r.add(c.length() > MAX_CELL ? c.substring(0, MAX_CELL - 1) + "…" : c);
    }
    rows.add(r);
    return this;
  }

  /** The table as lines of text, each ending in a newline. */
  public String render() {
    int[] width = new int[header.size()];
    for (int i = 0; i < width.length; i++) {
      width[i] = header.get(i).length();
      for (List<String> r : rows) {
        width[i] = Math.max(width[i], r.get(i).length());
      }
    }
    StringBuilder sb = new StringBuilder();
    line(sb, header, width);
    for (List<String> r : rows) {
      line(sb, r, width);
    }
    return sb.toString();
  }

  private void line(StringBuilder sb, List<String> cells, int[] width) {
    StringBuilder l = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      String c = cells.get(i);
      String pad = " ".repeat(width[i] - c.length());
      l.append(rightAligned[i] ? pad + c : c + pad);
      if (i < cells.size() - 1) {
        l.append("  ");
      }
    }
    sb.append(l.toString().stripTrailing()).append('\n');
  }

  /** A number with about four significant digits, integers as integers. */
  public static String number(double v) {
    if (!Double.isFinite(v)) {
      return "";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e12) {
      return Long.toString((long) v);
    }
    double a = Math.abs(v);
    if (a >= 1e6 || a < 1e-3) {
      return String.format(Locale.ROOT, "%.3e", v);
    }
    int decimals = Math.max(0, 3 - (int) Math.floor(Math.log10(a)));
    String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
    if (s.contains(".")) {
      s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return s;
  }

  /** A share as a percentage with one decimal. */
  public static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * share);
  }
}
