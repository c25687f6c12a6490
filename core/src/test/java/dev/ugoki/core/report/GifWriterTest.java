package dev.ugoki.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes GIFs and reads them back with ImageIO's own reader, compositing frames as a viewer. */
class GifWriterTest {
  private static final int W = 64;
  private static final int H = 48;

  @TempDir Path dir;

  @Test
  void threeFramesReadBackWithTheirSizeDelaysAndTheLoopExtension() throws IOException {
    Path gif = dir.resolve("three.gif");
    List<BufferedImage> frames = List.of(frame(5), frame(20), frame(40));
    try (GifWriter w = GifWriter.open(gif, W, H)) {
      for (BufferedImage f : frames) {
        w.write(f, 7);
      }
      assertThat(Files.exists(gif)).as("nothing at the target before finish()").isFalse();
      w.finish();
    }
    Read read = read(gif);
    assertThat(read.frames).hasSize(3);
    assertThat(read.width).isEqualTo(W);
    assertThat(read.height).isEqualTo(H);
    assertThat(read.delays).containsExactly(7, 7, 7);
    assertThat(read.loopsForever).isTrue();
    for (int i = 0; i < 3; i++) {
      // Frames after the first hold only the changed rectangle; composited, each is exact.
      assertThat(pixels(read.frames.get(i))).as("frame %d", i).isEqualTo(pixels(frames.get(i)));
    }
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(gif); // no temporary file left
    }
  }

  @Test
  void aFrameThatChangesNothingLengthensThePreviousOne() throws IOException {
    Path gif = dir.resolve("merge.gif");
    try (GifWriter w = GifWriter.open(gif, W, H)) {
      w.write(frame(5), 10);
      w.write(frame(5), 10);
      w.write(frame(30), 10);
      assertThat(w.framesReceived()).isEqualTo(3);
      w.finish();
    }
    Read read = read(gif);
    assertThat(read.frames).hasSize(2);
    assertThat(read.delays).containsExactly(20, 10);
  }

  @Test
  void closingWithoutFinishLeavesTheOldFileAndNoTemporary() throws IOException {
    Path gif = dir.resolve("keep.gif");
    Files.writeString(gif, "old");
    try (GifWriter w = GifWriter.open(gif, W, H)) {
      w.write(frame(5), 10);
      // no finish(): a render that failed half-way
    }
    assertThat(Files.readString(gif)).isEqualTo("old");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(gif);
    }
  }

  @Test
  void aFrameOfManyColoursStaysClose() throws IOException {
    BufferedImage rainbow = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        rainbow.setRGB(x, y, new Color(x * 4, y * 5, (x + y) * 2).getRGB()); // 3,072 colours
      }
    }
    Path gif = dir.resolve("rainbow.gif");
    try (GifWriter w = GifWriter.open(gif, W, H)) {
      w.write(rainbow, 10);
      w.finish();
    }
    int[] back = pixels(read(gif).frames.get(0));
    int[] want = pixels(rainbow);
    double error = 0;
    for (int i = 0; i < want.length; i++) {
      error +=
          Math.abs(((back[i] >> 16) & 255) - ((want[i] >> 16) & 255))
              + Math.abs(((back[i] >> 8) & 255) - ((want[i] >> 8) & 255))
              + Math.abs((back[i] & 255) - (want[i] & 255));
    }
    assertThat(error / want.length).as("mean error per pixel, 3 channels").isLessThan(30);
  }

  /** A grey field with a red square at x and a green stripe: a few flat colours. */
  private static BufferedImage frame(int x) {
    BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(new Color(66, 66, 70));
    g.fillRect(0, 0, W, H);
    g.setColor(new Color(86, 140, 62));
    g.fillRect(0, 40, W, 8);
    g.setColor(new Color(230, 50, 40));
    g.fillRect(x, 10, 12, 12);
    g.dispose();
    return img;
  }

  private static int[] pixels(BufferedImage img) {
    int[] px = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    for (int i = 0; i < px.length; i++) {
      px[i] &= 0xffffff;
    }
    return px;
  }

  private record Read(
      int width,
      int height,
      List<BufferedImage> frames,
      List<Integer> delays,
      boolean loopsForever) {}

  /** Reads every frame and composites it over the previous ones, as a GIF viewer does. */
  private static Read read(Path gif) throws IOException {
    ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
    try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
      reader.setInput(in);
      int n = reader.getNumImages(true);
      IIOMetadataNode stream =
          (IIOMetadataNode) reader.getStreamMetadata().getAsTree("javax_imageio_gif_stream_1.0");
      IIOMetadataNode screen =
          (IIOMetadataNode) stream.getElementsByTagName("LogicalScreenDescriptor").item(0);
      int w = Integer.parseInt(screen.getAttribute("logicalScreenWidth"));
      int h = Integer.parseInt(screen.getAttribute("logicalScreenHeight"));
      BufferedImage canvas = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
      List<BufferedImage> frames = new ArrayList<>();
      List<Integer> delays = new ArrayList<>();
      boolean loops = false;
      for (int i = 0; i < n; i++) {
        IIOMetadataNode meta =
            (IIOMetadataNode) reader.getImageMetadata(i).getAsTree("javax_imageio_gif_image_1.0");
        IIOMetadataNode desc =
            (IIOMetadataNode) meta.getElementsByTagName("ImageDescriptor").item(0);
        IIOMetadataNode control =
            (IIOMetadataNode) meta.getElementsByTagName("GraphicControlExtension").item(0);
        delays.add(Integer.parseInt(control.getAttribute("delayTime")));
        var apps = meta.getElementsByTagName("ApplicationExtension");
        for (int k = 0; k < apps.getLength(); k++) {
          IIOMetadataNode app = (IIOMetadataNode) apps.item(k);
          byte[] data = (byte[]) app.getUserObject();
          if ("NETSCAPE".equals(app.getAttribute("applicationID"))
              && "2.0".equals(app.getAttribute("authenticationCode"))
              && data.length == 3
              && data[0] == 1
              && data[1] == 0
              && data[2] == 0) {
            loops = true;
          }
        }
        BufferedImage f = reader.read(i);
        if (i == 0) {
          assertThat(f.getWidth()).isEqualTo(w);
          assertThat(f.getHeight()).isEqualTo(h);
        }
        Graphics2D g = canvas.createGraphics();
        g.drawImage(
            f,
            Integer.parseInt(desc.getAttribute("imageLeftPosition")),
            Integer.parseInt(desc.getAttribute("imageTopPosition")),
            null);
        g.dispose();
        BufferedImage copy = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        copy.setData(canvas.getData());
        frames.add(copy);
      }
      return new Read(w, h, frames, delays, loops);
    } finally {
      reader.dispose();
    }
  }
}
