package dev.fixpoint.solver.report;

import java.util.List;
import java.util.Locale;

/**
 * Draws {@link Curves} as an inline SVG line chart: rates (0-100 %) on the left axis against k, the cost of the first
 * k rollouts on the right axis. Each point carries a {@code <title>} with its exact value. Curves with equal values
 * stay visible: each curve has its own marker shape, and a curve equal to an earlier one is drawn a few pixels above
 * it (the legend says "same as"). No script, no external resources; every label is escaped.
 */
final class SvgChart {

    static final String[] PALETTE = {"#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d"};
    private static final int W = 1100, H = 380, LEFT = 56, RIGHT = 80, TOP = 16, BOTTOM = 44;
    /** Pixels a curve equal to an earlier one is lifted, per earlier equal curve. */
    static final double OFFSET = 3.5;

    private SvgChart() {}

    static String render(Curves c) {
        StringBuilder s = new StringBuilder(8192);
        s.append("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(W).append(' ').append(H)
                .append("\" role=\"img\" aria-label=\"test-time scaling curves\">");
        int plotW = W - LEFT - RIGHT, plotH = H - TOP - BOTTOM;
        // grid and left axis (percent)
        for (int p = 0; p <= 100; p += 20) {
            double y = TOP + plotH * (1 - p / 100.0);
            s.append(line(LEFT, y, LEFT + plotW, y, "grid"));
            s.append(text(LEFT - 8, y + 4, p + "%", "end", "axis"));
        }
        // x axis
        for (int k = 1; k <= c.maxK(); k++) {
            double x = x(k, c.maxK(), plotW);
            s.append(line(x, TOP + plotH, x, TOP + plotH + 5, "tick"));
            s.append(text(x, TOP + plotH + 18, Integer.toString(k), "middle", "axis"));
        }
        s.append(text(LEFT + plotW / 2.0, H - 6, "k = rollouts per task", "middle", "axis-title"));
        s.append(text(14, TOP + plotH / 2.0, "tasks", "middle", "axis-title", "rotate(-90 14 " + fmt(TOP + plotH / 2.0) + ")"));
        // right axis (cost)
        double maxCost = c.cost().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double top = niceCeiling(maxCost);
        for (int i = 0; i <= 4; i++) {
            double v = top * i / 4, y = TOP + plotH * (1 - i / 4.0);
            s.append(text(LEFT + plotW + 8, y + 4, costLabel(v, c.costUnit()), "start", "axis cost"));
        }
        double rx = W - 10;
        s.append(text(rx, TOP + plotH / 2.0, "cost of rollouts 1..k per task (" + c.costUnit() + ")", "middle", "axis-title",
                "rotate(90 " + fmt(rx) + " " + fmt(TOP + plotH / 2.0) + ")"));
        s.append(line(LEFT, TOP, LEFT, TOP + plotH, "axis-line")).append(line(LEFT + plotW, TOP, LEFT + plotW, TOP + plotH, "axis-line"))
                .append(line(LEFT, TOP + plotH, LEFT + plotW, TOP + plotH, "axis-line"));
        // cost series
        series(s, c.cost(), c.maxK(), plotW, plotH, top == 0 ? 1 : top, "#888", "6 3", 1.5, "cost", v -> costLabel(v, c.costUnit()), -1, 0);
        // rate series
        List<Curves.Curve> rates = c.rates();
        int[] same = sameAs(rates);
        for (int i = 0; i < rates.size(); i++) {
            Curves.Curve cv = rates.get(i);
            String dash = switch (cv.kind()) {
                case "coverage" -> "2 3";
                case "pass" -> "8 4";
                default -> null;
            };
            int lift = 0;
            for (int j = 0; j < i; j++) if (same[j] == same[i] && same[i] >= 0 || same[i] == j) lift++;
            series(s, cv.values(), c.maxK(), plotW, plotH, 1.0, color(i), dash, 2.5, cv.name(), v -> String.format(Locale.ROOT, "%.1f%%", v * 100),
                    i, lift * OFFSET);
        }
        return s.append("</svg>").toString();
    }

    /** For each curve, the index of the first earlier curve with the same values, or -1. */
    static int[] sameAs(List<Curves.Curve> rates) {
        int[] out = new int[rates.size()];
        for (int i = 0; i < rates.size(); i++) {
            out[i] = -1;
            for (int j = 0; j < i && out[i] < 0; j++) {
                if (equal(rates.get(i).values(), rates.get(j).values())) out[i] = out[j] >= 0 ? out[j] : j;
            }
        }
        return out;
    }

    private static boolean equal(List<Double> a, List<Double> b) {
        if (a.size() != b.size()) return false;
        for (int k = 0; k < a.size(); k++) if (Math.abs(a.get(k) - b.get(k)) > 1e-9) return false;
        return true;
    }

    static String color(int i) {
        return PALETTE[i % PALETTE.length];
    }

    private static void series(StringBuilder s, List<Double> values, int maxK, int plotW, int plotH, double scale, String color,
                               String dash, double width, String name, java.util.function.DoubleFunction<String> label, int marker, double lift) {
        if (values.isEmpty()) return;
        StringBuilder pts = new StringBuilder();
        for (int k = 1; k <= values.size(); k++) {
            pts.append(fmt(x(k, maxK, plotW))).append(',').append(fmt(y(values.get(k - 1) / scale, plotH) - lift)).append(' ');
        }
        s.append("<g class=\"series\" data-name=\"").append(Html.esc(name)).append("\" data-lift=\"").append(fmt(lift))
                .append("\"><polyline fill=\"none\" stroke=\"").append(color).append("\" stroke-opacity=\"0.9\" stroke-width=\"").append(fmt(width)).append('"');
        if (dash != null) s.append(" stroke-dasharray=\"").append(dash).append('"');
        s.append(" points=\"").append(pts.toString().trim()).append("\"/>");
        for (int k = 1; k <= values.size(); k++) {
            double cx = x(k, maxK, plotW), cy = y(values.get(k - 1) / scale, plotH) - lift;
            s.append(marker(marker, cx, cy, color)).append("<title>").append(Html.esc(name + ", k=" + k + ": " + label.apply(values.get(k - 1))))
                    .append("</title>").append(marker < 0 ? "</circle>" : markerEnd(marker));
        }
        s.append("</g>");
    }

    /** Marker shapes by curve: circle, square, diamond, triangle, ... (cost: a small circle). */
    private static String marker(int i, double cx, double cy, String color) {
        String fill = "\" fill=\"" + color + "\" stroke=\"#fff\" stroke-width=\"1\">";
        if (i < 0) return "<circle class=\"mk\" cx=\"" + fmt(cx) + "\" cy=\"" + fmt(cy) + "\" r=\"3" + fill;
        double r = 5;
        return switch (i % 4) {
            case 0 -> "<circle class=\"mk\" cx=\"" + fmt(cx) + "\" cy=\"" + fmt(cy) + "\" r=\"" + fmt(r) + fill;
            case 1 -> "<rect class=\"mk\" x=\"" + fmt(cx - r) + "\" y=\"" + fmt(cy - r) + "\" width=\"" + fmt(2 * r) + "\" height=\"" + fmt(2 * r) + fill;
            case 2 -> "<polygon class=\"mk\" points=\"" + fmt(cx) + "," + fmt(cy - r - 1) + " " + fmt(cx + r + 1) + "," + fmt(cy) + " " + fmt(cx) + ","
                    + fmt(cy + r + 1) + " " + fmt(cx - r - 1) + "," + fmt(cy) + fill;
            default -> "<polygon class=\"mk\" points=\"" + fmt(cx) + "," + fmt(cy - r - 1) + " " + fmt(cx + r + 1) + "," + fmt(cy + r) + " "
                    + fmt(cx - r - 1) + "," + fmt(cy + r) + fill;
        };
    }

    private static String markerEnd(int i) {
        return switch (i % 4) {
            case 0 -> "</circle>";
            case 1 -> "</rect>";
            default -> "</polygon>";
        };
    }

    private static double x(int k, int maxK, int plotW) {
        return maxK <= 1 ? LEFT + plotW / 2.0 : LEFT + plotW * (k - 1) / (double) (maxK - 1);
    }

    private static double y(double fraction, int plotH) {
        return TOP + plotH * (1 - Math.max(0, Math.min(1, fraction)));
    }

    static double niceCeiling(double v) {
        if (v <= 0) return 0;
        double mag = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[]{1, 2, 2.5, 5, 10}) if (m * mag >= v) return m * mag;
        return 10 * mag;
    }

    static String costLabel(double v, String unit) {
        if (unit.equals("USD")) return v >= 1 || v == 0 ? String.format(Locale.ROOT, "$%.2f", v) : String.format(Locale.ROOT, "$%.3g", v);
        if (v >= 1_000_000) return String.format(Locale.ROOT, "%.1fM", v / 1e6);
        if (v >= 1_000) return String.format(Locale.ROOT, "%.0fk", v / 1e3);
        return String.format(Locale.ROOT, "%.0f", v);
    }

    private static String line(double x1, double y1, double x2, double y2, String cls) {
        return "<line class=\"" + cls + "\" x1=\"" + fmt(x1) + "\" y1=\"" + fmt(y1) + "\" x2=\"" + fmt(x2) + "\" y2=\"" + fmt(y2) + "\"/>";
    }

    private static String text(double x, double y, String t, String anchor, String cls) {
        return text(x, y, t, anchor, cls, null);
    }

    private static String text(double x, double y, String t, String anchor, String cls, String transform) {
        return "<text class=\"" + cls + "\" x=\"" + fmt(x) + "\" y=\"" + fmt(y) + "\" text-anchor=\"" + anchor + "\""
                + (transform == null ? "" : " transform=\"" + transform + "\"") + ">" + Html.esc(t) + "</text>";
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
