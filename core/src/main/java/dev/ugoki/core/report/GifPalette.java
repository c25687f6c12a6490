package dev.ugoki.core.report;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.util.Arrays;

/**
 * Reduces a rectangle of RGB pixels to an indexed image of at most 255 colours, plus a transparent
 * index for pixels that need no change. Colours are grouped by their top 5 bits a channel (32,768
 * groups, counted in plain arrays); each group is drawn in its most common exact colour (a majority
 * vote), so flat colours stay exact, the anti-aliased pixels around them do not shift them, and no
 * pixel is off by more than 7 of 255 a channel. With more than 255 groups the most frequent 255 are
 * kept and every other group takes the nearest kept colour; those pixels then differ from their
 * group and are written again with the next frame. The colour table is the smallest power of two
 * that holds the colours; up to 16, pixels are packed in 1, 2 or 4 bits, which also shortens the
 * LZW codes.
 */
final class GifPalette {
  private static final int MAX_COLOURS = 255;
  private static final int GROUPS = 1 << 15;
  private final int[] count = new int[GROUPS];

  /** Each group's majority-vote candidate colour and its vote balance. */
  private final int[] first = new int[GROUPS];

  private final int[] votes = new int[GROUPS];
  private final int[] slot = new int[GROUPS];
  private final int[] used = new int[GROUPS];

  private static int group(int rgb) {
    return ((rgb >> 9) & 0x7c00) | ((rgb >> 6) & 0x03e0) | ((rgb >> 3) & 0x001f);
  }

  /** True when a displayed pixel must be redrawn to show {@code rgb}. */
  static boolean differ(int rgb, int shown) {
    return rgb != shown && group(rgb) != group(shown);
  }

  /**
   * The rectangle {@code box} = {x0, y0, x1, y1} of {@code rgb} (rows of {@code stride}) as an
   * indexed image, and {@code displayed} updated to what it shows. With {@code transparency},
   * pixels that need no change get the colour model's transparent index; without, every pixel of
   * the rectangle is written.
   */
  BufferedImage index(int[] rgb, int[] displayed, boolean transparency, int stride, int[] box) {
    int w = box[2] - box[0];
    int h = box[3] - box[1];
    int groups = 0;
    for (int y = box[1]; y < box[3]; y++) {
      for (int i = y * stride + box[0], end = i + w; i < end; i++) {
        if (transparency && !differ(rgb[i], displayed[i])) {
          continue;
        }
        int g = group(rgb[i]);
        if (count[g]++ == 0) {
          used[groups++] = g;
          first[g] = rgb[i];
          votes[g] = 1;
        } else if (first[g] == rgb[i]) {
          votes[g]++;
        } else if (--votes[g] < 0) {
          first[g] = rgb[i];
          votes[g] = 1;
        }
      }
    }
    if (groups > MAX_COLOURS) {
      // Most frequent first; ties by group, so the output does not depend on pixel order.
      Integer[] order = new Integer[groups];
      for (int k = 0; k < groups; k++) {
        order[k] = used[k];
      }
      Arrays.sort(
          order,
          (a, b) ->
              count[a] != count[b] ? Integer.compare(count[b], count[a]) : Integer.compare(a, b));
      for (int k = 0; k < groups; k++) {
        used[k] = order[k];
      }
    }
    int colours = Math.min(groups, MAX_COLOURS);
    int size = 2;
    while (size < colours + (transparency ? 1 : 0)) {
      size *= 2;
    }
    int bits = Integer.numberOfTrailingZeros(size);
    if (bits == 3) { // packed rasters hold 1, 2 or 4 bits a pixel
      size = 16;
      bits = 4;
    }
    int transparent = transparency ? size - 1 : -1;
    byte[] r = new byte[size];
    byte[] gr = new byte[size];
    byte[] b = new byte[size];
    int[] colour = new int[size];
    for (int k = 0; k < colours; k++) {
      int c = first[used[k]];
      r[k] = (byte) (c >> 16);
      gr[k] = (byte) (c >> 8);
      b[k] = (byte) c;
      colour[k] = 0xff000000 | c;
      slot[used[k]] = k;
    }
    for (int k = colours; k < groups; k++) {
      slot[used[k]] = nearest(first[used[k]], r, gr, b, colours);
    }
    IndexColorModel model = new IndexColorModel(bits, size, r, gr, b, transparent);
    BufferedImage out =
        new BufferedImage(
            w,
            h,
            bits <= 4 ? BufferedImage.TYPE_BYTE_BINARY : BufferedImage.TYPE_BYTE_INDEXED,
            model);
    WritableRaster raster = out.getRaster();
    int[] row = new int[w];
    for (int y = box[1]; y < box[3]; y++) {
      for (int x = 0, i = y * stride + box[0]; x < w; x++, i++) {
        if (transparency && !differ(rgb[i], displayed[i])) {
          row[x] = transparent;
        } else {
          row[x] = slot[group(rgb[i])];
          displayed[i] = colour[row[x]];
        }
      }
      raster.setSamples(0, y - box[1], w, 1, 0, row);
    }
    for (int k = 0; k < groups; k++) {
      count[used[k]] = 0;
    }
    return out;
  }

  private static int nearest(int c, byte[] r, byte[] g, byte[] b, int n) {
    int best = 0;
    long bestD = Long.MAX_VALUE;
    for (int k = 0; k < n; k++) {
      long dr = ((c >> 16) & 0xff) - (r[k] & 0xff);
      long dg = ((c >> 8) & 0xff) - (g[k] & 0xff);
      long db = (c & 0xff) - (b[k] & 0xff);
      long d = 2 * dr * dr + 4 * dg * dg + 3 * db * db; // rough perceptual weights
      if (d < bestD) {
        bestD = d;
        best = k;
      }
    }
    return best;
  }
}
