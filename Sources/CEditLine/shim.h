// libedit's own interface; pkg-config libedit gives the include path.
#include <histedit.h>
