#include <string.h>

#include "jd-test-util.h"

static char *
write_to_string (JdDocument *document)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  jd_codec_write_document (document, out, &error);
  g_assert_no_error (error);
  g_output_stream_write_all (out, "", 1, NULL, NULL, NULL);
  g_output_stream_close (out, NULL, NULL);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

static gpointer
first_of (JdDocument   *document,
          JdCollection  collection)
{
  return jd_document_get_entities (document, collection)->pdata[0];
}

static void
test_round_trip (void)
{
  g_autoptr(JdDocument) document = jd_test_read_data ("full.json");
  g_autoptr(JdDocument) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  GPtrArray *records;

  /* Every collection of FORMAT.md is in the fixture and comes back typed. */
  for (guint c = 0; c < JD_N_COLLECTIONS; c++)
    g_assert_cmpuint (jd_document_get_entities (document, c)->len, >, 0);

  g_assert_true (JD_IS_AGENCY (first_of (document, JD_COLLECTION_AGENCIES)));
  g_assert_true (JD_IS_CASE (first_of (document, JD_COLLECTION_CASES)));
  g_assert_true (JD_IS_EVALUATION (first_of (document, JD_COLLECTION_EVALUATIONS)));

  records = jd_document_get_entities (document, JD_COLLECTION_RECORDS);
  g_assert_cmpuint (records->len, ==, 3);
  g_assert_cmpstr (jd_record_get_case_id (records->pdata[0]), ==, "c-1");
  g_assert_cmpstr (jd_record_get_corrects (records->pdata[2]), ==, "r-1");
  g_assert_cmpstr (jd_document_get_path (document, JD_COLLECTION_RECORDS, 1), ==,
                   "cases[0].records[1]");

  {
    JdCase *c = jd_document_get_entities (document, JD_COLLECTION_CASES)->pdata[0];
    JsonObject *review = jd_case_get_review (c);
    g_autofree char *number = NULL;

    g_assert_cmpstr (jd_case_get_title (c), ==, "某某餐饮有限公司未取得食品经营许可从事食品经营案");
    g_assert_cmpuint (json_array_get_length (jd_case_get_parties (c)), ==, 2);
    JsonArray *items = json_object_get_array_member (review, "items");

    g_assert_cmpuint (json_array_get_length (items), ==, 2);
    g_object_get (c, "number", &number, NULL);
    g_assert_cmpstr (number, ==, "京兴市监罚〔2025〕12号");
  }

  first = write_to_string (document);
  again = jd_test_read_string (first, &error);
  g_assert_no_error (error);
  second = write_to_string (again);
  g_assert_cmpstr (first, ==, second);
  g_assert_nonnull (strstr (first, "\"records\":[{\"id\":\"r-1\""));
}

typedef struct
{
  const char *json;
  int         code;
  const char *message;
} Rejection;

static const Rejection rejections[] = {
  { "", JD_CODEC_ERROR_SYNTAX, "empty" },
  { "{\"format\": \"jiandu/1\", ", JD_CODEC_ERROR_SYNTAX, "not valid JSON" },
  { "[1, 2]", JD_CODEC_ERROR_FORMAT, "top level" },
  { "{\"agencies\": []}", JD_CODEC_ERROR_FORMAT, "format: missing" },
  { "{\"format\": \"jiandu/2\"}", JD_CODEC_ERROR_FORMAT, "“jiandu/2” is not supported" },
  { "{\"format\": \"jiandu/1\", \"cases\": {}}", JD_CODEC_ERROR_INVALID, "cases: not an array" },
  { "{\"format\": \"jiandu/1\", \"cases\": [1]}", JD_CODEC_ERROR_INVALID,
    "cases[0]: not an object" },
  { "{\"format\": \"jiandu/1\", \"agencies\": [{\"id\": \"a\", \"kind\": \"town\"}]}",
    JD_CODEC_ERROR_INVALID, "agencies[0].name: missing" },
  { "{\"format\": \"jiandu/1\", \"agencies\": [{\"id\": \"a\", \"name\": \"x\", "
    "\"kind\": \"city\"}]}",
    JD_CODEC_ERROR_INVALID, "agencies[0].kind: “city” is not one of" },
  { "{\"format\": \"jiandu/1\", \"cases\": [{\"id\": \"c\", \"agency_id\": \"a\"}, "
    "{\"id\": \"d\", \"agency_id\": \"a\", \"decision\": {\"date\": \"2025-02-30\"}}]}",
    JD_CODEC_ERROR_INVALID, "cases[1].decision.date: not a date" },
  { "{\"format\": \"jiandu/1\", \"cases\": [{\"id\": \"c\", \"agency_id\": \"a\", "
    "\"review\": {\"items\": [{\"point\": 10}]}}]}",
    JD_CODEC_ERROR_INVALID, "cases[0].review.items[0].point: 10 is outside 1–9" },
  { "{\"format\": \"jiandu/1\", \"cases\": [{\"id\": \"c\", \"agency_id\": \"a\", "
    "\"decision\": {\"fine\": \"5000\"}}]}",
    JD_CODEC_ERROR_INVALID, "cases[0].decision.fine: not a number" },
  { "{\"format\": \"jiandu/1\", \"cases\": [{\"id\": \"c\", \"agency_id\": \"a\", "
    "\"records\": [{\"id\": \"r\", \"time\": \"2025-03-05T09:30:00\"}]}]}",
    JD_CODEC_ERROR_INVALID, "cases[0].records[0].time: not a time" },
  { "{\"format\": \"jiandu/1\", \"cases\": [{\"id\": \"c\", \"agency_id\": \"a\", "
    "\"decision\": {\"measures\": [\"fine\", \"flogging\"]}}]}",
    JD_CODEC_ERROR_INVALID, "cases[0].decision.measures[1]: “flogging”" },
  { "{\"format\": \"jiandu/1\", \"officers\": [{\"id\": \"o\", \"name\": \"x\", "
    "\"agency_id\": \"a\"}, "
    "{\"id\": \"o\", \"name\": \"y\", \"agency_id\": \"a\"}]}",
    JD_CODEC_ERROR_INVALID, "officers[1].id: duplicate id “o” (also at officers[0])" },
  { "{\"format\": \"jiandu/1\", \"cases\": [{\"id\": \"c\", \"agency_id\": \"a\", "
    "\"records\": [{\"id\": \"r\", \"case_id\": \"other\"}]}]}",
    JD_CODEC_ERROR_INVALID, "cases[0].records[0].case_id" },
  { "{\"format\": \"jiandu/1\", \"officers\": [{\"id\": \"\", \"name\": \"x\", "
    "\"agency_id\": \"a\"}]}",
    JD_CODEC_ERROR_INVALID, "officers[0].id: empty" },
  { "{\"format\": \"jiandu/1\", \"cases\": [{\"id\": 7, \"agency_id\": \"a\"}]}",
    JD_CODEC_ERROR_INVALID, "cases[0].id: not a string" },
  { "{\"format\": \"jiandu/1\", \"cases\": [{\"id\": \"c\", \"agency_id\": \"a\", "
    "\"decision\": {\"hearing_offered\": \"yes\"}}]}",
    JD_CODEC_ERROR_INVALID, "cases[0].decision.hearing_offered: not true or false" },
};

static void
test_rejections (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (rejections); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JdDocument) document = jd_test_read_string (rejections[i].json, &error);

      g_test_message ("%s", rejections[i].json);
      g_assert_null (document);
      g_assert_error (error, JD_CODEC_ERROR, rejections[i].code);
      if (strstr (error->message, rejections[i].message) == NULL)
        g_error ("“%s” does not contain “%s”", error->message, rejections[i].message);
    }
}

static void
test_not_utf8 (void)
{
  g_autoptr(GError) error = NULL;
  /* "北京" in GB18030: a document saved in the wrong encoding. */
  const char data[] = "{\"format\": \"jiandu/1\",\n"
                      "\"agencies\": [{\"name\": \"\xb1\xb1\xbe\xa9\"}]}";
  g_autoptr(GBytes) bytes = g_bytes_new (data, sizeof data - 1);
  g_autoptr(JdDocument) document = jd_codec_read (bytes, &error);

  g_assert_null (document);
  g_assert_error (error, JD_CODEC_ERROR, JD_CODEC_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "line 2"));
}

static void
test_nulls_and_extra_keys (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdDocument) document = jd_test_read_string (
    "\xef\xbb\xbf{\"format\": \"jiandu/1\", \"x-note\": 1, \"cases\": [{\"id\": \"c\", "
    "\"agency_id\": \"a\", \"closed_on\": null, \"x-local\": {\"a\": 1}}]}",
    &error);
  JdEntity *c;

  g_assert_no_error (error);
  c = jd_document_get_entities (document, JD_COLLECTION_CASES)->pdata[0];
  /* null is "not recorded"; keys of our own are kept. */
  g_assert_false (json_object_has_member (jd_entity_get_fields (c), "closed_on"));
  g_assert_true (json_object_has_member (jd_entity_get_fields (c), "x-local"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/codec/round-trip", test_round_trip);
  g_test_add_func ("/codec/rejections", test_rejections);
  g_test_add_func ("/codec/not-utf8", test_not_utf8);
  g_test_add_func ("/codec/nulls-and-extra-keys", test_nulls_and_extra_keys);

  return g_test_run ();
}
