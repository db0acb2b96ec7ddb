package dev.plumb.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * One WebSocket to one Chrome DevTools Protocol target: {@link #send} a command and wait for its
 * answer; events go to the listener given at {@link #open}. It exists so that {@link
 * HeadlessBrowser} speaks the protocol with nothing but the JDK's WebSocket client and Jackson.
 *
 * <p>{@link #send} may be called from one thread at a time; events are delivered one after
 * another on the WebSocket's own thread, so the listener must be safe to call from there.
 */
final class DevtoolsConnection implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final WebSocket socket;
  private final Duration timeout;
  private final Map<Integer, CompletableFuture<JsonNode>> pending;
  private final Listener listener;
  private final AtomicInteger ids = new AtomicInteger();

  private DevtoolsConnection(WebSocket socket, Duration timeout,
      Map<Integer, CompletableFuture<JsonNode>> pending, Listener listener) {
    this.socket = socket;
    this.timeout = timeout;
    this.pending = pending;
    this.listener = listener;
  }

  /**
   * Connects to {@code target}, a {@code ws://} debugger URL.
   *
   * @param events called with each event's method name and parameters
   * @throws IllegalStateException if the connection is not open within {@code timeout}
   */
  static DevtoolsConnection open(HttpClient http, URI target, Duration timeout,
      BiConsumer<String, JsonNode> events) {
    Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    Listener listener = new Listener(pending, events);
    WebSocket socket = await(http.newWebSocketBuilder().connectTimeout(timeout)
        .buildAsync(target, listener), timeout, "connecting to " + target);
    return new DevtoolsConnection(socket, timeout, pending, listener);
  }

  /**
   * Sends {@code method} with {@code params} and waits for its result.
   *
   * @throws IllegalStateException if the browser answers with an error, closes the connection or
   *     does not answer within the timeout
   */
  JsonNode send(String method, Map<String, ?> params) {
    int id = ids.incrementAndGet();
    ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
    message.set("params", JSON.valueToTree(params));
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    pending.put(id, answer);
    // a command sent after the connection broke would otherwise wait out the timeout
    Throwable failure = listener.failure;
    if (failure != null) {
      answer.completeExceptionally(failure);
    }
    try {
      await(socket.sendText(JSON.writeValueAsString(message), true), timeout,
          "sending " + method);
      return await(answer, timeout, method);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write the parameters of " + method, e);
    } finally {
      pending.remove(id);
    }
  }

  @Override
  public void close() {
    socket.abort();
  }

  /** The future's value; {@code what} names the step in the messages of the exceptions. */
  private static <T> T await(Future<T> future, Duration timeout, String what) {
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("DevTools: interrupted during " + what, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("DevTools: " + what + " failed: "
          + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new IllegalStateException("DevTools: " + what + " took longer than "
          + timeout.toSeconds() + " s", e);
    }
  }

  /** Joins the parts of each message, then answers a waiting command or passes on an event. */
  private static final class Listener implements WebSocket.Listener {
    private final Map<Integer, CompletableFuture<JsonNode>> pending;
    private final BiConsumer<String, JsonNode> events;
    private final StringBuilder parts = new StringBuilder();
    private volatile Throwable failure;

    Listener(Map<Integer, CompletableFuture<JsonNode>> pending,
        BiConsumer<String, JsonNode> events) {
      this.pending = pending;
      this.events = events;
    }

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      parts.append(data);
      if (last) {
        String text = parts.toString();
        parts.setLength(0);
        dispatch(text);
      }
      socket.request(1);
      return null;
    }

    private void dispatch(String text) {
      JsonNode message;
      try {
        message = JSON.readTree(text);
      } catch (JsonProcessingException e) {
        failAll(new IllegalStateException("DevTools sent what is not JSON: " + text, e));
        return;
      }
      if (message.has("id")) {
        CompletableFuture<JsonNode> answer = pending.get(message.get("id").asInt());
        if (answer == null) {
          return;
        }
        if (message.has("error")) {
          answer.completeExceptionally(
              new IllegalStateException(message.get("error").path("message").asText()));
        } else {
          answer.complete(message.path("result"));
        }
      } else if (message.has("method")) {
        events.accept(message.get("method").asText(), message.path("params"));
      }
    }

    @Override
    public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
      failAll(new IllegalStateException("the browser closed the DevTools connection ("
          + statusCode + (reason.isEmpty() ? "" : ", " + reason) + ")"));
      return null;
    }

    @Override
    public void onError(WebSocket socket, Throwable error) {
      failAll(error);
    }

    private void failAll(Throwable error) {
      failure = error;
      pending.values().forEach(f -> f.completeExceptionally(error));
    }
  }
}
