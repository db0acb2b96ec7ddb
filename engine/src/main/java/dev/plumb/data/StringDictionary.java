package dev.plumb.data;

import java.util.Arrays;

/**
 * Assigns dense ids to distinct strings, looked up straight from a parser's character buffer so
 * that a repeated value costs no allocation. Not thread-safe: each column builder owns one.
 */
final class StringDictionary {
  private String[] values = new String[16];
  private int[] hashes = new int[16];
  private int size;
  private int[] table = new int[32]; // id + 1, 0 = empty
  private int mask = 31;

  /** The id of {@code buf[off, off+len)}, adding it when new. */
  int idOf(char[] buf, int off, int len) {
    int h = 0;
    for (int i = off; i < off + len; i++) {
      h = 31 * h + buf[i];
    }
    int slot = mix(h) & mask;
    while (true) {
      int entry = table[slot];
      if (entry == 0) {
        return add(new String(buf, off, len), h, slot);
      }
      int id = entry - 1;
      if (hashes[id] == h && equalsRange(values[id], buf, off, len)) {
        return id;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** The id of {@code s}, adding it when new. */
  int idOf(String s) {
    char[] chars = s.toCharArray();
    return idOf(chars, 0, chars.length);
  }

  int size() {
    return size;
  }

  String value(int id) {
    return values[id];
  }

  String[] toArray() {
    return Arrays.copyOf(values, size);
  }

  private int add(String s, int h, int slot) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
      hashes = Arrays.copyOf(hashes, size * 2);
    }
    values[size] = s;
    hashes[size] = h;
    table[slot] = size + 1;
    size++;
    if (size * 2 > table.length) {
      rehash();
    }
    return size - 1;
  }

  private void rehash() {
    table = new int[table.length * 2];
    mask = table.length - 1;
    for (int id = 0; id < size; id++) {
      int slot = mix(hashes[id]) & mask;
      while (table[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      table[slot] = id + 1;
    }
  }

  private static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    return h;
  }

  private static boolean equalsRange(String s, char[] buf, int off, int len) {
    if (s.length() != len) {
      return false;
    }
    for (int i = 0; i < len; i++) {
      if (s.charAt(i) != buf[off + i]) {
        return false;
      }
    }
    return true;
  }
}
