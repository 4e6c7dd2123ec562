package org.recsys.ml.eval;

import java.util.List;
import java.util.Locale;

/**
 * A minimal horizontal bar chart written as SVG by hand: one bar per (label, value), value printed at the end of
 * the bar. Enough for the benchmark pages; no charting library.
 */
final class SvgBarChart {

    private SvgBarChart() {
    }

    /** One bar. */
    record Bar(String label, double value) { }

    static String render(String title, String unit, List<Bar> bars) {
        int labelWidth = 230;
        int barArea = 420;
        int rowHeight = 26;
        int top = 44;
        int height = top + rowHeight * bars.size() + 20;
        int width = labelWidth + barArea + 90;
        double max = 0;
        for (Bar bar : bars) {
            if (Double.isFinite(bar.value())) {
                max = Math.max(max, bar.value());
            }
        }
        max = max <= 0 ? 1 : max;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"13\">%n", width, height, width, height));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
        svg.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"24\" font-size=\"16\" font-weight=\"bold\">%s</text>%n",
                escape(title + (unit.isEmpty() ? "" : " (" + unit + ")"))));
        String[] palette = {"#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#9c755f"};
        for (int b = 0; b < bars.size(); b++) {
            Bar bar = bars.get(b);
            int y = top + b * rowHeight;
            double value = Double.isFinite(bar.value()) ? bar.value() : 0;
            int length = (int) Math.round(barArea * value / max);
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n",
                    labelWidth - 8, y + 16, escape(bar.label())));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>%n",
                    labelWidth, y + 3, Math.max(1, length), rowHeight - 8, palette[b % palette.length]));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", labelWidth + length + 6,
                    y + 16, Double.isFinite(bar.value()) ? String.format(Locale.ROOT, "%.4f", bar.value()) : "n/a"));
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
