#include <libxml/xmlversion.h>
// Debian's libxml2 is built with ICU, and its headers would pull in the system ICU's
// <unicode/ucnv.h>, which clashes with the ICU copy inside swift-corelibs-foundation.
// sbcms uses no ICU-dependent libxml2 API, so the headers are read without it.
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
#include <libxml/xmlsave.h>
