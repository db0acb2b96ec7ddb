package dev.plumb.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A real Chromium without a screen, driven over the Chrome DevTools Protocol, so that a test can
 * open a page as a reader's browser does and ask what happened: the console errors (script errors,
 * Content-Security-Policy violations, resources that failed to load), the loaded and rendered size
 * of images, and a screenshot. The HTML reports are checked as text elsewhere; only a browser says
 * whether a page shows its charts under its own Content-Security-Policy.
 *
 * <p>Nothing but the JDK's WebSocket client and Jackson: no Selenium, no driver binary. Chromium is
 * Debian's {@code chromium} (or another Chromium or Chrome) found on the {@code PATH}, or the
 * binary {@code CHROME_BIN} names; {@code .ci/install-chromium} installs it.
 *
 * <p>One browser process with one tab: {@link #open} navigates that tab, and the other methods ask
 * about the page it opened last. A start takes a second or more, so start one per test class and
 * close it, which ends the browser's processes and deletes its temporary profile (a shutdown hook
 * does the same if the JVM ends first). Every wait is bounded by {@link #TIMEOUT}. Not thread-safe:
 * one thread drives it.
 *
 * <p>Methods throw {@link IllegalStateException} when the browser cannot be found, does not start,
 * fails a command or does not answer in time, with a message that says which, and {@link
 * UncheckedIOException} when a file cannot be read or written.
 */
public final class HeadlessBrowser implements AutoCloseable {
  /** The longest any step may take: the start, a command, a page load. */
  public static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** Names tried on the {@code PATH}, in this order. */
  static final List<String> NAMES =
      List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");

  /** The width of the tab's viewport, in CSS pixels (at one device pixel each). */
  static final int WIDTH = 1280;

  /** The height of the tab's viewport, in CSS pixels. */
  static final int HEIGHT = 1000;

  /** Chromium's largest texture on most machines; a taller page is cut here in a screenshot. */
  private static final int MAX_SCREENSHOT_HEIGHT = 16_384;

  private static final String LISTENING = "DevTools listening on ";
  private static final int STDERR_LINES_KEPT = 30;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final Path profile;
  private final Thread shutdownHook;
  private final PageEvents events;
  private final DevtoolsConnection devtools;

  private HeadlessBrowser(Process process, Path profile, Thread shutdownHook, PageEvents events,
      DevtoolsConnection devtools) {
    this.process = process;
    this.profile = profile;
    this.shutdownHook = shutdownHook;
    this.events = events;
    this.devtools = devtools;
  }

  /**
   * Starts Chromium headless on {@code about:blank} and connects to its tab.
   *
   * @throws IllegalStateException if no Chromium is found (the message says how to install it), or
   *     it does not start and listen within {@link #TIMEOUT}
   */
  public static HeadlessBrowser launch() {
    return launch(System.getenv());
  }

  /** {@link #launch()} with {@code environment} in place of the process's environment. */
  static HeadlessBrowser launch(Map<String, String> environment) {
    Path binary = locate(environment).orElseThrow(() -> new IllegalStateException(
        "No Chromium found to test the HTML reports in: looked for " + String.join(", ", NAMES)
            + " on the PATH (" + environment.getOrDefault("PATH", "unset")
            + ") and CHROME_BIN is unset. Install Debian's chromium with .ci/install-chromium"
            + " (it uses apt-get, as root or with sudo), or set CHROME_BIN to a Chromium or"
            + " Chrome binary."));
    Path profile;
    try {
      profile = Files.createTempDirectory("plumb-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary Chromium profile", e);
    }
    Process process;
    try {
      process = new ProcessBuilder(command(binary, profile))
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException e) {
      deleteTree(profile);
      throw new IllegalStateException("cannot start " + binary + ": " + e.getMessage(), e);
    }
    Thread hook = new Thread(() -> stop(process, profile), "stop-chromium");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      Deque<String> stderr = new ArrayDeque<>();
      CompletableFuture<URI> listening = readStderr(process, stderr);
      URI browserSocket = await(listening, () -> binary + " did not say where DevTools listens"
          + " within " + TIMEOUT.toSeconds() + " s; its last lines on stderr:\n"
          + lastLines(stderr));
      HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
      PageEvents events = new PageEvents();
      DevtoolsConnection devtools = DevtoolsConnection.open(http,
          pageSocket(http, browserSocket.getPort()), TIMEOUT, events);
      for (String domain : List.of("Page", "Runtime", "Log")) {
        devtools.send(domain + ".enable", Map.of());
      }
      return new HeadlessBrowser(process, profile, hook, events, devtools);
    } catch (RuntimeException | Error e) {
      Runtime.getRuntime().removeShutdownHook(hook);
      stop(process, profile);
      throw e;
    }
  }

  /**
   * The Chromium to use: {@code CHROME_BIN} if set, else the first of {@link #NAMES} that is an
   * executable file in a directory of {@code PATH}.
   */
  static Optional<Path> locate(Map<String, String> environment) {
    String chromeBin = environment.get("CHROME_BIN");
    if (chromeBin != null && !chromeBin.isBlank()) {
      return Optional.of(Path.of(chromeBin));
    }
    String path = environment.getOrDefault("PATH", "");
    for (String name : NAMES) {
      for (String dir : path.split(File.pathSeparator)) {
        if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
          return Optional.of(Path.of(dir, name));
        }
      }
    }
    return Optional.empty();
  }

  private static List<String> command(Path binary, Path profile) {
    return List.of(binary.toString(),
        "--headless=new",
        // Chromium's sandbox refuses to run as root, and needs user namespaces that containers
        // often lack; the pages opened are the tests' own files
        "--no-sandbox",
        "--disable-gpu",
        // Docker gives /dev/shm 64 MB, too little for Chromium's shared memory
        "--disable-dev-shm-usage",
        "--remote-debugging-port=0",
        "--user-data-dir=" + profile,
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-extensions",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--mute-audio",
        "--hide-scrollbars",
        "--force-device-scale-factor=1",
        "--window-size=" + WIDTH + "," + HEIGHT,
        "about:blank");
  }

  /**
   * Reads Chromium's stderr on a daemon thread until it ends, keeping the last lines in {@code
   * tail}; the future completes with the browser's DevTools URL when Chromium prints it, or fails
   * when stderr ends first (Chromium exited).
   */
  private static CompletableFuture<URI> readStderr(Process process, Deque<String> tail) {
    CompletableFuture<URI> listening = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(
          new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          synchronized (tail) {
            tail.addLast(line);
            if (tail.size() > STDERR_LINES_KEPT) {
              tail.removeFirst();
            }
          }
          if (line.startsWith(LISTENING)) {
            listening.complete(URI.create(line.substring(LISTENING.length()).strip()));
          }
        }
      } catch (IOException | IllegalArgumentException e) {
        listening.completeExceptionally(e);
      }
      listening.completeExceptionally(new IllegalStateException(
          "Chromium ended its stderr before it listened; its last lines:\n" + lastLines(tail)));
    }, "chromium-stderr");
    reader.setDaemon(true);
    reader.start();
    return listening;
  }

  private static String lastLines(Deque<String> tail) {
    synchronized (tail) {
      return String.join("\n", tail);
    }
  }

  /** The debugger URL of the browser's first tab, asked until it has one or time is up. */
  private static URI pageSocket(HttpClient http, int port) {
    HttpRequest list = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
        .timeout(TIMEOUT).build();
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    String targets = "";
    while (System.nanoTime() < deadline) {
      try {
        targets = http.send(list, HttpResponse.BodyHandlers.ofString()).body();
        Optional<URI> page = StreamSupport.stream(JSON.readTree(targets).spliterator(), false)
            .filter(t -> t.path("type").asText().equals("page"))
            .map(t -> URI.create(t.path("webSocketDebuggerUrl").asText())).findFirst();
        if (page.isPresent()) {
          return page.get();
        }
        Thread.sleep(100);
      } catch (IOException e) {
        throw new IllegalStateException("cannot list Chromium's tabs: " + e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while listing Chromium's tabs", e);
      }
    }
    throw new IllegalStateException("Chromium has no tab after " + TIMEOUT.toSeconds()
        + " s; its targets: " + targets);
  }

  /**
   * Opens {@code file} in the tab and waits for its load event, which comes after the page's
   * images have loaded. Forgets the console messages of the page opened before.
   *
   * @throws IllegalStateException if the navigation fails (for example, no such file) or the page
   *     does not load within {@link #TIMEOUT}
   */
  public void open(Path file) {
    String url = file.toAbsolutePath().normalize().toUri().toString();
    CompletableFuture<Void> loaded = events.expectLoad();
    JsonNode navigation = devtools.send("Page.navigate", Map.of("url", url));
    if (navigation.hasNonNull("errorText")) {
      throw new IllegalStateException("Chromium cannot open " + url + ": "
          + navigation.get("errorText").asText());
    }
    await(loaded, () -> "Chromium did not finish loading " + url + " within "
        + TIMEOUT.toSeconds() + " s");
    // an answer comes after every event sent before it, so the page's messages are all in
    evaluate("document.readyState");
  }

  /**
   * The errors the page opened last reported: {@code console.error} and failed {@code
   * console.assert} calls, uncaught exceptions, and the browser's own error entries (a
   * Content-Security-Policy violation, a resource that failed to load), in the order they came.
   */
  public List<ConsoleMessage> consoleErrors() {
    return List.copyOf(events.errors);
  }

  /**
   * Evaluates a JavaScript {@code expression} in the page and returns its value as JSON, awaiting
   * it if it is a promise. DevTools runs it even where the page's Content-Security-Policy forbids
   * scripts.
   *
   * @throws IllegalStateException if the expression throws
   */
  public JsonNode evaluate(String expression) {
    JsonNode answer = devtools.send("Runtime.evaluate", Map.of("expression", expression,
        "returnByValue", true, "awaitPromise", true));
    if (answer.has("exceptionDetails")) {
      JsonNode details = answer.get("exceptionDetails");
      throw new IllegalStateException("the page could not evaluate " + expression + ": "
          + details.path("exception").path("description").asText(details.path("text").asText()));
    }
    return answer.path("result").path("value");
  }

  /** Every image {@code selector} matches in the page, in document order. */
  public List<ImageBox> images(String selector) {
    String literal;
    try {
      literal = JSON.writeValueAsString(selector);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot quote the selector " + selector, e);
    }
    JsonNode found = evaluate("Array.from(document.querySelectorAll(" + literal + "), img => {"
        + " const box = img.getBoundingClientRect(); const owner = img.closest('[id]');"
        + " return { id: owner ? owner.id : '', complete: img.complete,"
        + " naturalWidth: img.naturalWidth, naturalHeight: img.naturalHeight,"
        + " width: box.width, height: box.height }; })");
    List<ImageBox> boxes = new ArrayList<>();
    for (JsonNode img : found) {
      boxes.add(new ImageBox(img.path("id").asText(), img.path("complete").asBoolean(),
          img.path("naturalWidth").asInt(), img.path("naturalHeight").asInt(),
          img.path("width").asDouble(), img.path("height").asDouble()));
    }
    return boxes;
  }

  /**
   * Saves a PNG of the whole page (not only the viewport, up to {@value #MAX_SCREENSHOT_HEIGHT}
   * pixels high) to {@code png}, creating its directory.
   *
   * @return {@code png}
   */
  public Path screenshot(Path png) {
    JsonNode size = devtools.send("Page.getLayoutMetrics", Map.of()).path("cssContentSize");
    double width = Math.max(WIDTH, Math.ceil(size.path("width").asDouble()));
    double height = Math.min(MAX_SCREENSHOT_HEIGHT,
        Math.max(HEIGHT, Math.ceil(size.path("height").asDouble())));
    JsonNode shot = devtools.send("Page.captureScreenshot", Map.of("format", "png",
        "captureBeyondViewport", true,
        "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
    try {
      Path dir = png.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Files.write(png, Base64.getDecoder().decode(shot.path("data").asText()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the screenshot " + png, e);
    }
    return png;
  }

  /** Ends the browser and its processes and deletes its profile. */
  @Override
  public void close() {
    devtools.close();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or about to: it stops the browser itself
      return;
    }
    stop(process, profile);
  }

  /**
   * Asks Chromium to end, forcing it after five seconds, kills the child processes it leaves, and
   * deletes {@code profile}. The zygotes would take two seconds to go by themselves, and the
   * profile is thrown away, so nothing is lost by killing them. They are not waited for: a killed
   * child is a zombie until PID 1 reaps it, which takes a moment or forever (a container without
   * an init), and the JDK counts zombies as alive.
   */
  private static void stop(Process process, Path profile) {
    // taken first: once the browser is gone its children are no longer its descendants
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    children.forEach(ProcessHandle::destroyForcibly);
    deleteTree(profile);
  }

  private static void deleteTree(Path dir) {
    // the children forced to end may leave files for a moment; a second pass gets the rest
    for (int pass = 0; pass < 2 && Files.exists(dir); pass++) {
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      } catch (IOException | UncheckedIOException e) {
        // tried again, and whatever stays is in the temporary directory
      }
    }
  }

  private static <T> T await(CompletableFuture<T> future,
      Supplier<String> timeoutMessage) {
    try {
      return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for Chromium", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException(timeoutMessage.get(), e);
    }
  }

  /**
   * One message of the page's console.
   *
   * @param source where it came from: {@code console} (a {@code console.error} call), {@code
   *     exception} (an uncaught exception), or the browser's source of a log entry ({@code
   *     security} for a Content-Security-Policy violation, {@code network} for a failed load)
   * @param text what it says, with the URL it concerns where there is one
   */
  public record ConsoleMessage(String source, String text) {
    @Override
    public String toString() {
      return source + ": " + text;
    }
  }

  /**
   * An image as the page shows it.
   *
   * @param id the id of the nearest element around it (or of itself) that has one, or empty
   * @param complete whether the browser is done loading it (also true when it failed)
   * @param naturalWidth its intrinsic width; 0 when it could not be loaded or decoded
   * @param naturalHeight its intrinsic height; 0 when it could not be loaded or decoded
   * @param width its rendered width in CSS pixels
   * @param height its rendered height in CSS pixels
   */
  public record ImageBox(String id, boolean complete, int naturalWidth, int naturalHeight,
      double width, double height) {}

  /**
   * Collects the tab's errors and signals its load event; called on the WebSocket's thread while
   * the test's thread reads, hence the concurrent list and the volatile future.
   */
  private static final class PageEvents implements BiConsumer<String, JsonNode> {
    final List<ConsoleMessage> errors = new CopyOnWriteArrayList<>();
    private volatile CompletableFuture<Void> load = new CompletableFuture<>();

    /** Forgets the errors so far and returns the future the next load event completes. */
    CompletableFuture<Void> expectLoad() {
      errors.clear();
      load = new CompletableFuture<>();
      return load;
    }

    @Override
    public void accept(String method, JsonNode params) {
      switch (method) {
        case "Page.loadEventFired" -> load.complete(null);
        case "Runtime.consoleAPICalled" -> {
          String type = params.path("type").asText();
          if (type.equals("error") || type.equals("assert")) {
            errors.add(new ConsoleMessage("console", StreamSupport
                .stream(params.path("args").spliterator(), false)
                .map(a -> a.has("value") ? a.get("value").asText()
                    : a.path("description").asText(a.path("type").asText()))
                .collect(Collectors.joining(" "))));
          }
        }
        case "Runtime.exceptionThrown" -> {
          JsonNode details = params.path("exceptionDetails");
          errors.add(new ConsoleMessage("exception", details.path("exception")
              .path("description").asText(details.path("text").asText())));
        }
        case "Log.entryAdded" -> {
          JsonNode entry = params.path("entry");
          if (entry.path("level").asText().equals("error")) {
            String url = entry.path("url").asText("");
            errors.add(new ConsoleMessage(entry.path("source").asText(),
                entry.path("text").asText() + (url.isEmpty() ? "" : " (" + url + ")")));
          }
        }
        default -> {
          // other events of the enabled domains say nothing about errors
        }
      }
    }
  }
}
