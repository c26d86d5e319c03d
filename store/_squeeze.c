/* The text a record's content hash is taken of, in one pass (optional build).
 *
 * squeezed(title, body) gives exactly
 *     (" ".join(title.split()) + "\n" + " ".join(body.split())).encode("utf-8")
 * without the lists of words, the joined strings and the encoding pass that costs: about
 * 25 µs per news article in the importing process, which does nothing else meanwhile. It
 * gives None for a text holding a surrogate (no UTF-8 form: the caller's Python form raises).
 *
 * setup.py builds it; store/records.py falls back to the Python form without it.
 * tests/test_squeeze.py compiles it and checks both agree on every code point.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* str.split()'s whitespace (Py_UNICODE_ISSPACE) without a function call per non-ASCII
 * character: the characters of bidirectional type WS, B or S or category Zs. */
static inline int
is_space(Py_UCS4 ch)
{
    if (ch < 128)
        return Py_UNICODE_ISSPACE(ch);
    if (ch < 0x2000)
        return ch == 0x85 || ch == 0xA0 || ch == 0x1680;
    return ch <= 0x200A || ch == 0x2028 || ch == 0x2029 || ch == 0x202F || ch == 0x205F || ch == 0x3000;
}

/* The words of ``text`` separated by single spaces, UTF-8 encoded at ``out``: the end of what
 * was written, or NULL for a surrogate. */
static char *
squeeze_into(PyObject *text, char *out)
{
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    int in_text = 0, space_due = 0;
    for (Py_ssize_t i = 0; i < length; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (is_space(ch)) {
            space_due = in_text;
            continue;
        }
        if (space_due) {
            *out++ = ' ';
            space_due = 0;
        }
        in_text = 1;
        if (ch < 0x80) {
            *out++ = (char)ch;
        } else if (ch < 0x800) {
            *out++ = (char)(0xC0 | (ch >> 6));
            *out++ = (char)(0x80 | (ch & 0x3F));
        } else if (ch < 0x10000) {
            if (Py_UNICODE_IS_SURROGATE(ch))
                return NULL;
            *out++ = (char)(0xE0 | (ch >> 12));
            *out++ = (char)(0x80 | ((ch >> 6) & 0x3F));
            *out++ = (char)(0x80 | (ch & 0x3F));
        } else {
            *out++ = (char)(0xF0 | (ch >> 18));
            *out++ = (char)(0x80 | ((ch >> 12) & 0x3F));
            *out++ = (char)(0x80 | ((ch >> 6) & 0x3F));
            *out++ = (char)(0x80 | (ch & 0x3F));
        }
    }
    return out;
}

/* The most bytes squeeze_into can write for ``text``: a character of a 1-, 2- or 4-byte
 * string takes at most 2, 3 or 4 bytes of UTF-8, and a separating space replaces at least one
 * whitespace character. */
static Py_ssize_t
most_bytes(PyObject *text)
{
    int kind = PyUnicode_KIND(text);
    return PyUnicode_GET_LENGTH(text) * (kind == PyUnicode_1BYTE_KIND ? 2 : kind == PyUnicode_2BYTE_KIND ? 3 : 4);
}

static PyObject *
squeezed(PyObject *self, PyObject *args)
{
    PyObject *title, *body;
    if (!PyArg_ParseTuple(args, "UU", &title, &body))
        return NULL;
    Py_ssize_t most = most_bytes(title) + 1 + most_bytes(body);
    PyObject *bytes = PyBytes_FromStringAndSize(NULL, most);
    if (bytes == NULL)
        return NULL;
    char *start = PyBytes_AS_STRING(bytes);
    char *end = squeeze_into(title, start);
    if (end != NULL) {
        *end++ = '\n';
        end = squeeze_into(body, end);
    }
    if (end == NULL) {
        Py_DECREF(bytes);
        Py_RETURN_NONE;
    }
    if (_PyBytes_Resize(&bytes, end - start) < 0)
        return NULL;
    return bytes;
}

static PyMethodDef methods[] = {
    {"squeezed", squeezed, METH_VARARGS, "UTF-8 of the title's and the body's words, single-spaced, a newline between."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_squeeze", NULL, 0, methods};

PyMODINIT_FUNC
PyInit__squeeze(void)
{
    return PyModule_Create(&module);
}
