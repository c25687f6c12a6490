package dev.ugoki.core.report;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.concurrent.ThreadLocalRandom;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.FileImageOutputStream;

/**
 * Writes an animated GIF frame by frame with {@code javax.imageio}, looping forever.
 *
 * <p>Streaming: a frame is encoded when the next one arrives, so only the picture the GIF shows so
 * far stays in memory, whatever the length of the animation. Each frame after the first is written
 * as the rectangle that changed (disposal "do not dispose"), with the pixels that did not change
 * inside it transparent, which keeps world-view animations, where only the body moves, small; a
 * frame that changes nothing only lengthens the previous frame's delay.
 *
 * <p>Atomic: the bytes go to a temporary file beside the target, forced to disk and renamed over
 * the target by {@link #finish()}, so a reader never sees half a GIF. {@link #close()} without
 * {@code finish()} (an error while rendering) deletes the temporary file and leaves any old target
 * untouched:
 *
 * <pre>{@code
 * try (GifWriter gif = GifWriter.open(path, 640, 480)) {
 *   gif.write(frame, 5);   // 5/100 s
 *   gif.finish();
 * }
 * }</pre>
 *
 * <p>Colours: each frame's changed rectangle gets its own colour table (see {@link GifPalette}):
 * exact when it has at most 255 colours at 5 bits a channel, as the flat colours of a scene and
 * most of their anti-aliased edges do, otherwise the 255 most frequent colours.
 */
public final class GifWriter implements AutoCloseable {
  private static final String IMAGE_FORMAT = "javax_imageio_gif_image_1.0";
  private static final String STREAM_FORMAT = "javax_imageio_gif_stream_1.0";

  /** GIF sizes and delays (in hundredths of a second) are unsigned 16-bit numbers. */
  private static final int MAX_U16 = 65_535;

  private final Path target;
  private final Path tmp;
  private final int width;
  private final int height;
  private final RandomAccessFile file;
  private final FileImageOutputStream stream;
  private final ImageWriter writer;

  /**
   * What the GIF shows after the frames encoded so far (after colour reduction, so it can differ
   * slightly from the frames received): a new frame is compared with it, not with the previous
   * frame, so that reduction errors never stay on screen under transparent pixels.
   */
  private final int[] displayed;

  private final int[] current;

  /**
   * The changed rectangle of the last frame, already reduced to its palette but not yet encoded: it
   * waits for its final delay.
   */
  private BufferedImage pending;

  private int pendingX;
  private int pendingY;
  private int pendingDelayCs;
  private final GifPalette palette = new GifPalette();

  private int received;
  private int written;
  private boolean finished;
  private boolean closed;

  private GifWriter(Path target, Path tmp, int width, int height) throws IOException {
    this.target = target;
    this.tmp = tmp;
    this.width = width;
    this.height = height;
    this.displayed = new int[width * height];
    this.current = new int[width * height];
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("gif");
    if (!writers.hasNext()) {
      throw new IOException("this JDK has no GIF writer");
    }
    this.writer = writers.next();
    this.file = new RandomAccessFile(tmp.toFile(), "rw");
    this.stream = new FileImageOutputStream(file);
    try {
      writer.setOutput(stream);
      writer.prepareWriteSequence(streamMetadata());
    } catch (IOException | RuntimeException e) {
      stream.close();
      writer.dispose();
      throw e;
    }
  }

  /**
   * Starts a GIF of {@code width} x {@code height} pixels that will replace {@code target} when
   * finished; the target's folder is created if missing.
   */
  public static GifWriter open(Path target, int width, int height) throws IOException {
    if (width < 1 || height < 1 || width > MAX_U16 || height > MAX_U16) {
      throw new IllegalArgumentException(
          "GIF size must be 1-65535 pixels a side, got " + width + "x" + height);
    }
    Path abs = target.toAbsolutePath();
    Files.createDirectories(abs.getParent());
    Path tmp = createTemporary(abs);
    try {
      return new GifWriter(abs, tmp, width, height);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
  }

  /**
   * An empty temporary file beside the target. Not {@code Files.createTempFile}: that makes the
   * file readable by its owner only, and the rename would give the GIF those permissions; this one
   * gets the default permissions of a new file, as the target would.
   */
  private static Path createTemporary(Path target) throws IOException {
    for (int attempt = 0; ; attempt++) {
      Path tmp =
          target.resolveSibling(
              "."
                  + target.getFileName()
                  + "."
                  + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
                  + ".tmp");
      try {
        return Files.createFile(tmp);
      } catch (FileAlreadyExistsException e) {
        if (attempt == 10) {
          throw e;
        }
      }
    }
  }

  /** Frames received so far. */
  public int framesReceived() {
    return received;
  }

  /** Frames in the file once finished (identical consecutive frames are merged into one). */
  public int frames() {
    return written + (pending != null ? 1 : 0);
  }

  /**
   * Adds a frame shown for {@code delayCs} hundredths of a second (browsers show delays under 2 as
   * 10). The image must have the GIF's size; it is copied, so the caller may reuse it.
   */
  public void write(BufferedImage frame, int delayCs) throws IOException {
    if (finished || closed) {
      throw new IllegalStateException("GIF already finished or closed");
    }
    if (frame.getWidth() != width || frame.getHeight() != height) {
      throw new IllegalArgumentException(
          "frame is "
              + frame.getWidth()
              + "x"
              + frame.getHeight()
              + ", the GIF "
              + width
              + "x"
              + height);
    }
    if (delayCs < 0 || delayCs > MAX_U16) {
      throw new IllegalArgumentException(
          "delay must be 0-65535 hundredths of a second, got " + delayCs);
    }
    frame.getRGB(0, 0, width, height, current, 0, width);
    received++;
    int[] box = received == 1 ? new int[] {0, 0, width, height} : changedBox();
    if (box == null) {
      pendingDelayCs = Math.min(MAX_U16, pendingDelayCs + delayCs);
      return;
    }
    flushPending();
    // After the first frame, pixels that did not change are transparent: the previous frame shows
    // through, and long transparent runs compress far better than the pixels themselves.
    pending = palette.index(current, displayed, received > 1, width, box);
    pendingX = box[0];
    pendingY = box[1];
    pendingDelayCs = delayCs;
  }

  /** Writes the last frame and the trailer, and renames the file onto the target. */
  public void finish() throws IOException {
    if (finished || closed) {
      throw new IllegalStateException("GIF already finished or closed");
    }
    if (received == 0) {
      throw new IllegalStateException("a GIF needs at least one frame");
    }
    flushPending();
    writer.endWriteSequence();
    stream.flush();
    file.getFD().sync();
    stream.close(); // closes the file too
    writer.dispose();
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
    finished = true;
    close();
  }

  /** Releases the file; without {@link #finish()} first, deletes the partial GIF. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    pending = null;
    if (!finished) {
      try {
        writer.dispose();
        stream.close();
      } catch (IOException | RuntimeException ignored) {
        // the partial file is deleted below whatever state the stream is in
      } finally {
        Files.deleteIfExists(tmp);
      }
    }
  }

  /** {x0, y0, x1, y1} (exclusive ends) of the pixels that differ from what is displayed. */
  private int[] changedBox() {
    int x0 = width;
    int y0 = height;
    int x1 = -1;
    int y1 = -1;
    for (int y = 0; y < height; y++) {
      int row = y * width;
      int first = -1;
      for (int x = 0; x < width; x++) {
        if (GifPalette.differ(current[row + x], displayed[row + x])) {
          first = x;
          break;
        }
      }
      if (first < 0) {
        continue;
      }
      int last = first;
      for (int x = width - 1; x > first; x--) {
        if (GifPalette.differ(current[row + x], displayed[row + x])) {
          last = x;
          break;
        }
      }
      x0 = Math.min(x0, first);
      x1 = Math.max(x1, last);
      y0 = Math.min(y0, y);
      y1 = y;
    }
    return x1 < 0 ? null : new int[] {x0, y0, x1 + 1, y1 + 1};
  }

  private void flushPending() throws IOException {
    if (pending == null) {
      return;
    }
    ImageWriteParam param = writer.getDefaultWriteParam();
    param.setProgressiveMode(ImageWriteParam.MODE_DISABLED); // interlacing compresses worse
    // new ImageTypeSpecifier(image), not createFromRenderedImage: the latter answers a standard
    // image type with that type's default colour model, not this image's palette.
    IIOMetadata meta = writer.getDefaultImageMetadata(new ImageTypeSpecifier(pending), param);
    IIOMetadataNode root = new IIOMetadataNode(IMAGE_FORMAT);

    IIOMetadataNode descriptor = new IIOMetadataNode("ImageDescriptor");
    descriptor.setAttribute("imageLeftPosition", Integer.toString(pendingX));
    descriptor.setAttribute("imageTopPosition", Integer.toString(pendingY));
    descriptor.setAttribute("imageWidth", Integer.toString(pending.getWidth()));
    descriptor.setAttribute("imageHeight", Integer.toString(pending.getHeight()));
    descriptor.setAttribute("interlaceFlag", "FALSE");
    root.appendChild(descriptor);

    IIOMetadataNode control = new IIOMetadataNode("GraphicControlExtension");
    control.setAttribute("disposalMethod", "doNotDispose");
    control.setAttribute("userInputFlag", "FALSE");
    int transparent = ((IndexColorModel) pending.getColorModel()).getTransparentPixel();
    control.setAttribute("transparentColorFlag", transparent >= 0 ? "TRUE" : "FALSE");
    control.setAttribute("delayTime", Integer.toString(pendingDelayCs));
    control.setAttribute("transparentColorIndex", Integer.toString(Math.max(0, transparent)));
    root.appendChild(control);

    if (written == 0) {
      // NETSCAPE2.0: sub-block id 1, then the loop count as little-endian 16 bits; 0 = forever.
      IIOMetadataNode apps = new IIOMetadataNode("ApplicationExtensions");
      IIOMetadataNode netscape = new IIOMetadataNode("ApplicationExtension");
      netscape.setAttribute("applicationID", "NETSCAPE");
      netscape.setAttribute("authenticationCode", "2.0");
      netscape.setUserObject(new byte[] {1, 0, 0});
      apps.appendChild(netscape);
      root.appendChild(apps);
    }
    meta.mergeTree(IMAGE_FORMAT, root);
    writer.writeToSequence(new IIOImage(pending, null, meta), param);
    written++;
    pending = null;
  }

  private IIOMetadata streamMetadata() throws IOException {
    IIOMetadata meta = writer.getDefaultStreamMetadata(writer.getDefaultWriteParam());
    IIOMetadataNode root = new IIOMetadataNode(STREAM_FORMAT);
    IIOMetadataNode screen = new IIOMetadataNode("LogicalScreenDescriptor");
    screen.setAttribute("logicalScreenWidth", Integer.toString(width));
    screen.setAttribute("logicalScreenHeight", Integer.toString(height));
    screen.setAttribute("colorResolution", "8");
    screen.setAttribute("pixelAspectRatio", "0");
    root.appendChild(screen);
    meta.mergeTree(STREAM_FORMAT, root);
    return meta;
  }
}
