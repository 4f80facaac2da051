#include "CFrameReference.h"
