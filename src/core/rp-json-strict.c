/* Copyright 2026 The Release Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <string.h>

#include "rp-format-json.h"
#include "rp-json-strict.h"

typedef struct
{
  const char *data;
  gsize length;
  gsize pos;
  guint depth;
  guint max_depth;
  GError **error;
} Scanner;

/* Line and column (in characters, from 1) of a byte offset. The data
 * before @offset is valid UTF-8 by the time an error is reported there,
 * except for the invalid byte itself, which is counted as one character. */
static void
locate (Scanner *s, gsize offset, guint *line, guint *column)
{
  guint l = 1, c = 1;

  for (gsize i = 0; i < offset && i < s->length; i++)
    {
      guchar b = (guchar) s->data[i];

      if (b == '\n')
        {
          l++;
          c = 1;
        }
      else if ((b & 0xc0) != 0x80)
        c++;
    }
  *line = l;
  *column = c;
}

static gboolean fail_at (Scanner *s, gsize offset, RpFormatError code, const char *format, ...)
    G_GNUC_PRINTF (4, 5);

static gboolean
fail_at (Scanner *s, gsize offset, RpFormatError code, const char *format, ...)
{
  va_list args;
  g_autofree char *message = NULL;
  guint line, column;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  locate (s, offset, &line, &column);
  g_set_error (s->error, RP_FORMAT_ERROR, code, "line %u, column %u: %s", line, column, message);
  return FALSE;
}

/* Decodes the UTF-8 character at @offset; returns its length in bytes or 0
 * when the bytes there are not valid UTF-8. */
static gsize
utf8_char_at (Scanner *s, gsize offset, gunichar *out)
{
  gsize avail = s->length - offset;
  gsize n = MIN (avail, 4);
  gunichar c = g_utf8_get_char_validated (s->data + offset, n);
  gsize len;

  if (c == (gunichar) -1 || c == (gunichar) -2)
    return 0;
  len = g_unichar_to_utf8 (c, NULL);
  /* g_utf8_get_char_validated stops at a NUL; a lone NUL byte is a valid
   * one-byte character here. */
  if (len > avail)
    return 0;
  *out = c;
  return len;
}

/* A readable name for the character at @offset: 'x', or U+00A0. */
static char *
describe_char_at (Scanner *s, gsize offset)
{
  gunichar c;

  if (s->data[offset] == '\0')
    return g_strdup ("U+0000");
  if (utf8_char_at (s, offset, &c) == 0)
    return g_strdup_printf ("byte 0x%02X (not valid UTF-8)", (guchar) s->data[offset]);
  if (c > 0x20 && c < 0x7f)
    return g_strdup_printf ("'%c'", (char) c);
  return g_strdup_printf ("U+%04X", c);
}

static gboolean
fail_unexpected (Scanner *s, const char *hint)
{
  g_autofree char *what = NULL;

  if (s->pos >= s->length)
    return fail_at (s, s->pos, RP_FORMAT_ERROR_SYNTAX, "unexpected end of file%s", hint ? hint : "");
  what = describe_char_at (s, s->pos);
  if (hint == NULL)
    {
      switch (s->data[s->pos])
        {
        case '/':
        case '#':
          hint = " (comments are not allowed in JSON)";
          break;
        case '\'':
          hint = " (strings take double quotes)";
          break;
        case 'N':
        case 'I':
          hint = " (NaN and Infinity are not JSON numbers)";
          break;
        default:
          hint = "";
          break;
        }
    }
  return fail_at (s, s->pos, RP_FORMAT_ERROR_SYNTAX, "unexpected character %s%s", what, hint);
}

static void
skip_space (Scanner *s)
{
  while (s->pos < s->length)
    {
      char c = s->data[s->pos];

      if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
        break;
      s->pos++;
    }
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* Four hex digits after "\u" at s->pos. */
static gboolean
scan_hex4 (Scanner *s, gunichar *out)
{
  gunichar v = 0;

  for (guint i = 0; i < 4; i++)
    {
      int h = s->pos + i < s->length ? hex_value (s->data[s->pos + i]) : -1;

      if (h < 0)
        return fail_at (s, s->pos - 2, RP_FORMAT_ERROR_SYNTAX,
                        "invalid escape in a string: \\u takes four hex digits");
      v = v * 16 + h;
    }
  s->pos += 4;
  *out = v;
  return TRUE;
}

/* A string at s->pos (on its opening quote). When @out is set, the decoded
 * text is appended to it (for comparing keys). */
static gboolean
scan_string (Scanner *s, GString *out)
{
  gsize start = s->pos;

  s->pos++;
  for (;;)
    {
      guchar c;

      if (s->pos >= s->length)
        return fail_at (s, start, RP_FORMAT_ERROR_SYNTAX, "a string is not closed (missing '\"')");
      c = (guchar) s->data[s->pos];
      if (c == '"')
        {
          s->pos++;
          return TRUE;
        }
      if (c < 0x20)
        return fail_at (s, s->pos, RP_FORMAT_ERROR_SYNTAX,
                        "control character U+%04X in a string (escape it, e.g. \\n or \\u%04x)", c, c);
      if (c == '\\')
        {
          gsize escape_at = s->pos;
          char e;

          s->pos++;
          if (s->pos >= s->length)
            return fail_at (s, start, RP_FORMAT_ERROR_SYNTAX, "a string is not closed (missing '\"')");
          e = s->data[s->pos++];
          switch (e)
            {
            case '"':
            case '\\':
            case '/':
              if (out)
                g_string_append_c (out, e);
              break;
            case 'b':
            case 'f':
            case 'n':
            case 'r':
            case 't':
              if (out)
                g_string_append_c (out, e == 'b'   ? '\b'
                                        : e == 'f' ? '\f'
                                        : e == 'n' ? '\n'
                                        : e == 'r' ? '\r'
                                                   : '\t');
              break;
            case 'u':
              {
                gunichar u, low;

                if (!scan_hex4 (s, &u))
                  return FALSE;
                if (u == 0)
                  return fail_at (s, escape_at, RP_FORMAT_ERROR_SYNTAX, "\\u0000 is not allowed in a string");
                if (u >= 0xdc00 && u <= 0xdfff)
                  return fail_at (s, escape_at, RP_FORMAT_ERROR_SYNTAX,
                                  "unpaired surrogate \\u%04X in a string", u);
                if (u >= 0xd800 && u <= 0xdbff)
                  {
                    if (s->pos + 2 > s->length || s->data[s->pos] != '\\' || s->data[s->pos + 1] != 'u')
                      return fail_at (s, escape_at, RP_FORMAT_ERROR_SYNTAX,
                                      "unpaired surrogate \\u%04X in a string", u);
                    s->pos += 2;
                    if (!scan_hex4 (s, &low))
                      return FALSE;
                    if (low < 0xdc00 || low > 0xdfff)
                      return fail_at (s, escape_at, RP_FORMAT_ERROR_SYNTAX,
                                      "unpaired surrogate \\u%04X in a string", u);
                    u = 0x10000 + ((u - 0xd800) << 10) + (low - 0xdc00);
                  }
                if (out)
                  g_string_append_unichar (out, u);
              }
              break;
            default:
              s->pos--;
              {
                g_autofree char *what = describe_char_at (s, s->pos);
                return fail_at (s, escape_at, RP_FORMAT_ERROR_SYNTAX,
                                "invalid escape '\\' followed by %s in a string", what);
              }
            }
          continue;
        }
      if (c < 0x80)
        {
          if (out)
            g_string_append_c (out, c);
          s->pos++;
        }
      else
        {
          gunichar u;
          gsize len = utf8_char_at (s, s->pos, &u);

          if (len == 0)
            return fail_at (s, s->pos, RP_FORMAT_ERROR_SYNTAX, "invalid UTF-8 (byte 0x%02X)", c);
          if (out)
            g_string_append_len (out, s->data + s->pos, len);
          s->pos += len;
        }
    }
}

static gboolean
scan_digits (Scanner *s)
{
  gsize start = s->pos;

  while (s->pos < s->length && g_ascii_isdigit (s->data[s->pos]))
    s->pos++;
  return s->pos > start;
}

static gboolean
scan_number (Scanner *s)
{
  gsize start = s->pos;
  g_autofree char *text = NULL;
  gboolean integer = TRUE;
  double v;

  if (s->data[s->pos] == '-')
    s->pos++;
  if (s->pos >= s->length || !g_ascii_isdigit (s->data[s->pos]))
    return fail_unexpected (s, " (a digit must follow '-')");
  if (s->data[s->pos] == '0' && s->pos + 1 < s->length && g_ascii_isdigit (s->data[s->pos + 1]))
    return fail_at (s, s->pos, RP_FORMAT_ERROR_SYNTAX, "leading zeros are not allowed in numbers");
  scan_digits (s);
  if (s->pos < s->length && s->data[s->pos] == '.')
    {
      integer = FALSE;
      s->pos++;
      if (!scan_digits (s))
        return fail_unexpected (s, " (a digit must follow '.')");
    }
  if (s->pos < s->length && (s->data[s->pos] == 'e' || s->data[s->pos] == 'E'))
    {
      integer = FALSE;
      s->pos++;
      if (s->pos < s->length && (s->data[s->pos] == '+' || s->data[s->pos] == '-'))
        s->pos++;
      if (!scan_digits (s))
        return fail_unexpected (s, " (the exponent needs digits)");
    }

  text = g_strndup (s->data + start, s->pos - start);
  /* json-glib reads whole numbers as 64-bit integers and would wrap. */
  if (integer)
    {
      errno = 0;
      g_ascii_strtoll (text, NULL, 10);
      if (errno == ERANGE)
        return fail_at (s, start, RP_FORMAT_ERROR_SYNTAX,
                        "the whole number %s is out of range (at most 19 digits)", text);
      return TRUE;
    }
  errno = 0;
  v = g_ascii_strtod (text, NULL);
  if (errno == ERANGE && (v > 1.0 || v < -1.0))
    return fail_at (s, start, RP_FORMAT_ERROR_SYNTAX, "the number %s is out of range", text);
  return TRUE;
}

static gboolean
scan_literal (Scanner *s, const char *word)
{
  gsize n = strlen (word);

  if (s->length - s->pos < n || memcmp (s->data + s->pos, word, n) != 0)
    return fail_unexpected (s, NULL);
  s->pos += n;
  return TRUE;
}

static gboolean scan_value (Scanner *s);

static gboolean
enter (Scanner *s)
{
  if (s->depth >= s->max_depth)
    return fail_at (s, s->pos, RP_FORMAT_ERROR_TOO_LARGE,
                    "nested deeper than %u levels of arrays and objects", s->max_depth);
  s->depth++;
  s->pos++;
  return TRUE;
}

/* Whether the next byte is @c. */
static gboolean
peek_is (Scanner *s, char c)
{
  return s->pos < s->length && s->data[s->pos] == c;
}

/* Steps over @c when it is next. */
static gboolean
accept (Scanner *s, char c)
{
  if (!peek_is (s, c))
    return FALSE;
  s->pos++;
  return TRUE;
}

/* The end of the array or object entered last. */
static gboolean
leave (Scanner *s)
{
  s->depth--;
  return TRUE;
}

static gboolean
scan_array (Scanner *s)
{
  if (!enter (s))
    return FALSE;
  skip_space (s);
  if (accept (s, ']'))
    return leave (s);
  for (;;)
    {
      skip_space (s);
      if (peek_is (s, ']'))
        return fail_unexpected (s, " (trailing comma?)");
      if (!scan_value (s))
        return FALSE;
      skip_space (s);
      if (accept (s, ','))
        continue;
      if (accept (s, ']'))
        return leave (s);
      return fail_unexpected (s, " (expected ',' or ']')");
    }
}

static gboolean
scan_object (Scanner *s)
{
  g_autoptr (GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!enter (s))
    return FALSE;
  skip_space (s);
  if (accept (s, '}'))
    return leave (s);
  for (;;)
    {
      g_autoptr (GString) key = g_string_new (NULL);
      gsize key_at;

      skip_space (s);
      if (peek_is (s, '}'))
        return fail_unexpected (s, " (trailing comma?)");
      if (!peek_is (s, '"'))
        return fail_unexpected (s, peek_is (s, '\'') ? " (strings take double quotes)"
                                                     : " (expected a key in double quotes)");
      key_at = s->pos;
      if (!scan_string (s, key))
        return FALSE;
      if (g_hash_table_contains (keys, key->str))
        return fail_at (s, key_at, RP_FORMAT_ERROR_SYNTAX, "duplicate key \"%s\" in an object", key->str);
      g_hash_table_add (keys, g_string_free (g_steal_pointer (&key), FALSE));
      skip_space (s);
      if (!accept (s, ':'))
        return fail_unexpected (s, " (expected ':')");
      skip_space (s);
      if (!scan_value (s))
        return FALSE;
      skip_space (s);
      if (accept (s, ','))
        continue;
      if (accept (s, '}'))
        return leave (s);
      return fail_unexpected (s, " (expected ',' or '}')");
    }
}

static gboolean
scan_value (Scanner *s)
{
  skip_space (s);
  if (s->pos >= s->length)
    return fail_unexpected (s, " (expected a value)");

  switch (s->data[s->pos])
    {
    case '{':
      return scan_object (s);
    case '[':
      return scan_array (s);
    case '"':
      return scan_string (s, NULL);
    case 't':
      return scan_literal (s, "true");
    case 'f':
      return scan_literal (s, "false");
    case 'n':
      return scan_literal (s, "null");
    case '-':
    case '0':
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
    case '7':
    case '8':
    case '9':
      return scan_number (s);
    default:
      return fail_unexpected (s, NULL);
    }
}

gboolean
_rp_json_strict_check (const char *data, gsize length, gsize max_bytes, guint max_depth, GError **error)
{
  Scanner s = { data, length, 0, 0, max_depth, error };

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (length > max_bytes)
    {
      g_set_error (error, RP_FORMAT_ERROR, RP_FORMAT_ERROR_TOO_LARGE,
                   "The file is too large: %" G_GSIZE_FORMAT
                   " bytes; plan files may have at most %" G_GSIZE_FORMAT " bytes.",
                   length, max_bytes);
      return FALSE;
    }
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    return fail_at (&s, 0, RP_FORMAT_ERROR_SYNTAX,
                    "the file starts with a byte order mark (save it as UTF-8 without one)");

  skip_space (&s);
  if (s.pos >= length)
    return fail_at (&s, s.pos, RP_FORMAT_ERROR_SYNTAX, "the file is empty: a plan file is a JSON object");
  if (!scan_value (&s))
    return FALSE;
  skip_space (&s);
  if (s.pos < length)
    {
      g_autofree char *what = describe_char_at (&s, s.pos);
      const char *hint =
          data[s.pos] == '/' || data[s.pos] == '#' ? " (comments are not allowed in JSON)" : "";
      return fail_at (&s, s.pos, RP_FORMAT_ERROR_SYNTAX,
                      "unexpected character %s after the end of the document%s", what, hint);
    }
  return TRUE;
}
