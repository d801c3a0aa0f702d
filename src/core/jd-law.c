#include "jd-law-private.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "jd-core-resources.h"

#define REGULATIONS_PATH "/io/github/jiandu/core/regulations/"

struct _JdLaw
{
  GObject parent_instance;

  /* owned */
  GPtrArray *documents;  /* JdLawDocument, by code */
};

G_DEFINE_FINAL_TYPE (JdLaw, jd_law, G_TYPE_OBJECT)

G_DEFINE_QUARK (jd-law-error-quark, jd_law_error)

static void
jd_law_finalize (GObject *object)
{
  JdLaw *self = JD_LAW (object);

  g_clear_pointer (&self->documents, g_ptr_array_unref);

  G_OBJECT_CLASS (jd_law_parent_class)->finalize (object);
}

static void
jd_law_class_init (JdLawClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jd_law_finalize;
}

static void
jd_law_init (JdLaw *self)
{
  self->documents = g_ptr_array_new_with_free_func ((GDestroyNotify) jd_law_document_free);
}

static char *
dup_member (JsonObject *object,
            const char *name)
{
  const char *value = json_object_get_string_member_with_default (object, name, NULL);

  return g_strdup (value);
}

static JdLawDocument *
load_document (const char  *code,
               JsonObject  *entry,
               GError     **error)
{
  g_autoptr(JdLawDocument) document = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  const char *file = json_object_get_string_member_with_default (entry, "file", NULL);
  const char *title = json_object_get_string_member_with_default (entry, "title", NULL);
  JdLawPart *main_part;
  gsize length;

  if (file == NULL || title == NULL)
    {
      g_set_error (error, JD_LAW_ERROR, JD_LAW_ERROR_DATA,
                   _("The index entry %s has no file or title"), code);
      return NULL;
    }

  path = g_strconcat (REGULATIONS_PATH, file, NULL);
  bytes = g_resource_lookup_data (jd_core_get_resource (), path, G_RESOURCE_LOOKUP_FLAGS_NONE,
                                  error);
  if (bytes == NULL)
    return NULL;

  text = g_strndup (g_bytes_get_data (bytes, &length), g_bytes_get_size (bytes));
  if (!g_utf8_validate (text, length, NULL))
    {
      g_set_error (error, JD_LAW_ERROR, JD_LAW_ERROR_DATA, _("%s is not UTF-8 text"), file);
      return NULL;
    }

  document = jd_law_document_parse (text, error);
  if (document == NULL)
    {
      g_prefix_error (error, "%s: ", file);
      return NULL;
    }

  document->code = g_strdup (code);
  document->file = g_strdup (file);
  document->title = g_strdup (title);
  document->short_title = dup_member (entry, "short_title");
  document->number = dup_member (entry, "number");
  document->jurisdiction = dup_member (entry, "jurisdiction");
  document->profile = dup_member (entry, "profile");
  document->in_force = dup_member (entry, "in_force");
  document->draft = json_object_get_boolean_member_with_default (entry, "draft", FALSE);

  main_part = document->parts->pdata[0];
  g_free (main_part->title);
  main_part->title = g_strdup (title);

  return g_steal_pointer (&document);
}

static int
compare_codes (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

JdLaw *
jd_law_new (GError **error)
{
  g_autoptr(JdLaw) self = g_object_new (JD_TYPE_LAW, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GList) codes = NULL;
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  JsonObject *index;
  JsonNode *root;

  bytes = g_resource_lookup_data (jd_core_get_resource (), REGULATIONS_PATH "index.json",
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                   g_bytes_get_size (bytes), error))
    {
      g_prefix_error (error, "index.json: ");
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, JD_LAW_ERROR, JD_LAW_ERROR_DATA,
                   _("index.json does not map codes to documents"));
      return NULL;
    }

  index = json_node_get_object (root);
  codes = json_object_get_members (index);
  for (GList *l = codes; l != NULL; l = l->next)
    g_ptr_array_add (sorted, l->data);
  g_ptr_array_sort (sorted, compare_codes);

  for (guint i = 0; i < sorted->len; i++)
    {
      const char *code = sorted->pdata[i];
      JsonNode *node = json_object_get_member (index, code);
      JdLawDocument *document;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, JD_LAW_ERROR, JD_LAW_ERROR_DATA,
                       _("The index entry %s is not an object"), code);
          return NULL;
        }

      document = load_document (code, json_node_get_object (node), error);
      if (document == NULL)
        return NULL;
      g_ptr_array_add (self->documents, document);
    }

  return g_steal_pointer (&self);
}

JdLaw *
jd_law_get_default (void)
{
  static JdLaw *default_law;

  if (g_once_init_enter (&default_law))
    {
      g_autoptr(GError) error = NULL;
      JdLaw *law = jd_law_new (&error);

      /* The texts are compiled in and the tests parse them: a failure here is a broken build. */
      if (law == NULL)
        g_error ("The bundled regulations cannot be read: %s", error->message);

      g_once_init_leave (&default_law, law);
    }

  return default_law;
}

GPtrArray *
jd_law_get_documents (JdLaw *self)
{
  g_return_val_if_fail (JD_IS_LAW (self), NULL);

  return self->documents;
}

const JdLawDocument *
jd_law_get_document (JdLaw      *self,
                     const char *code)
{
  g_return_val_if_fail (JD_IS_LAW (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  for (guint i = 0; i < self->documents->len; i++)
    {
      const JdLawDocument *document = self->documents->pdata[i];

      if (strcmp (document->code, code) == 0)
        return document;
    }

  return NULL;
}

const JdLawPart *
jd_law_document_get_part (const JdLawDocument *document,
                          const char          *name)
{
  g_return_val_if_fail (document != NULL, NULL);

  if (name == NULL)
    return document->parts->pdata[0];

  for (guint i = 0; i < document->parts->len; i++)
    {
      const JdLawPart *part = document->parts->pdata[i];

      if (strcmp (part->name, name) == 0)
        return part;
    }

  return NULL;
}

const JdLawArticle *
jd_law_part_get_article (const JdLawPart *part,
                         int              number)
{
  g_return_val_if_fail (part != NULL, NULL);

  /* Articles are numbered from 1 without gaps: the parser takes no other. */
  if (number < 1 || (guint) number > part->articles->len)
    return NULL;

  return part->articles->pdata[number - 1];
}

guint
jd_law_document_count_articles (const JdLawDocument *document)
{
  guint count = 0;

  g_return_val_if_fail (document != NULL, 0);

  for (guint i = 0; i < document->parts->len; i++)
    count += ((const JdLawPart *) document->parts->pdata[i])->articles->len;

  return count;
}

char *
jd_law_paragraph_get_text (const JdLawParagraph *paragraph)
{
  GString *text;

  g_return_val_if_fail (paragraph != NULL, NULL);

  text = g_string_new (paragraph->text);
  for (guint i = 0; i < paragraph->items->len; i++)
    {
      const JdLawItem *item = paragraph->items->pdata[i];

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, item->text);
    }

  return g_string_free (text, FALSE);
}

char *
jd_law_article_get_text (const JdLawArticle *article)
{
  GString *text;

  g_return_val_if_fail (article != NULL, NULL);

  text = g_string_new (NULL);
  for (guint i = 0; i < article->paragraphs->len; i++)
    {
      g_autofree char *paragraph = jd_law_paragraph_get_text (article->paragraphs->pdata[i]);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, paragraph);
    }

  return g_string_free (text, FALSE);
}

char *
jd_law_format_article (const JdLawArticle *article)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (article != NULL, NULL);

  text = jd_law_article_get_text (article);

  /* A 条 runs on after its label, as printed; a section's heading stands on its own line. */
  if (article->kind == JD_LAW_ARTICLE_SECTION)
    return g_strdup_printf ("%s%s\n%s", article->label, article->heading, text);

  return g_strdup_printf ("%s\u3000%s", article->label, text);
}

static const char * const numeral_digits[] = {
  "零", "一", "二", "三", "四", "五", "六", "七", "八", "九",
};

char *
jd_law_numeral_format (int number)
{
  GString *text;
  int hundreds = number / 100;
  int tens = number / 10 % 10;
  int units = number % 10;

  if (number < 1 || number > 999)
    return NULL;

  text = g_string_new (NULL);
  if (hundreds > 0)
    g_string_append_printf (text, "%s百", numeral_digits[hundreds]);

  /* 十三, not 一十三; but 一百一十三 */
  if (tens > 0)
    g_string_append_printf (text, "%s十", hundreds == 0 && tens == 1 ? ""
                                                                    : numeral_digits[tens]);
  else if (hundreds > 0 && units > 0)
    g_string_append (text, "零");

  if (units > 0)
    g_string_append (text, numeral_digits[units]);

  return g_string_free (text, FALSE);
}

/* The value of one numeral character: a digit (0-9) or a unit (10, 100); -1 for another. */
static int
numeral_char_value (gunichar c,
                    gboolean *is_unit)
{
  static const gunichar digits[] = {
    0x96f6 /* 零 */, 0x4e00 /* 一 */, 0x4e8c /* 二 */, 0x4e09 /* 三 */, 0x56db /* 四 */,
    0x4e94 /* 五 */, 0x516d /* 六 */, 0x4e03 /* 七 */, 0x516b /* 八 */, 0x4e5d /* 九 */,
  };

  *is_unit = FALSE;
  for (int i = 0; i < (int) G_N_ELEMENTS (digits); i++)
    if (c == digits[i])
      return i;

  if (c == 0x4e24 /* 两 */)
    return 2;

  *is_unit = TRUE;
  if (c == 0x5341 /* 十 */)
    return 10;
  if (c == 0x767e /* 百 */)
    return 100;

  return -1;
}

static int
parse_chinese_numeral (const char *text,
                       const char *end)
{
  int total = 0;
  int digit = -1;      /* a digit waiting for its unit */
  int last_unit = 1000;
  gboolean zero = FALSE;

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      gboolean is_unit;
      int value = numeral_char_value (g_utf8_get_char (p), &is_unit);

      if (value < 0)
        return -1;

      if (!is_unit && value == 0)
        {
          /* 零 stands only for missing tens, between 百 and a digit: 一百零五. */
          if (zero || digit >= 0 || last_unit != 100)
            return -1;
          zero = TRUE;
        }
      else if (!is_unit)
        {
          if (digit >= 0)
            return -1;
          digit = value;
        }
      else
        {
          int multiplier = digit;

          /* 十 alone stands for 一十 at the start; 百 always needs its digit. */
          if (multiplier < 0 && total == 0 && value == 10)
            multiplier = 1;
          if (multiplier < 0 || value >= last_unit || zero)
            return -1;
          total += multiplier * value;
          last_unit = value;
          digit = -1;
        }
    }

  if (digit >= 0)
    {
      /* 一百五 is colloquial for 150: not in a legal text. */
      if (last_unit == 100 && !zero)
        return -1;
      total += digit;
    }
  else if (zero)
    {
      return -1;
    }

  return total > 0 ? total : -1;
}

int
jd_law_numeral_parse (const char *text,
                      gssize      length)
{
  const char *end;
  guint64 value;

  g_return_val_if_fail (text != NULL, -1);

  end = text + (length < 0 ? (gssize) strlen (text) : length);
  if (end == text)
    return -1;

  if (g_ascii_isdigit (*text))
    {
      g_autofree char *digits = g_strndup (text, end - text);

      if (!g_ascii_string_to_unsigned (digits, 10, 1, 9999, &value, NULL))
        return -1;
      return (int) value;
    }

  return parse_chinese_numeral (text, end);
}

/* Full-width digits, as a Chinese input method types them: "第１３条". */
static gboolean
is_wide_digit (const char *p)
{
  gunichar c = g_utf8_get_char (p);

  return c >= 0xff10 && c <= 0xff19;
}

int
jd_law_numeral_scan (const char **cursor)
{
  const char *p = *cursor;
  int number;

  if (g_ascii_isdigit (*p))
    {
      while (g_ascii_isdigit (*p))
        p++;
      number = jd_law_numeral_parse (*cursor, p - *cursor);
    }
  else if (is_wide_digit (p))
    {
      g_autoptr(GString) digits = g_string_new (NULL);

      for (; is_wide_digit (p); p = g_utf8_next_char (p))
        g_string_append_c (digits, '0' + (g_utf8_get_char (p) - 0xff10));
      number = jd_law_numeral_parse (digits->str, digits->len);
    }
  else
    {
      while (*p != '\0')
        {
          gboolean is_unit;

          if (numeral_char_value (g_utf8_get_char (p), &is_unit) < 0)
            break;
          p = g_utf8_next_char (p);
        }
      number = jd_law_numeral_parse (*cursor, p - *cursor);
    }

  if (number < 0)
    return -1;

  *cursor = p;
  return number;
}
