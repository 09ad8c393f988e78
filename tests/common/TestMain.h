#pragma once
// main() for every test program. A test that runs processes starts its own binary again as the child
// (multiprocessing's worker mode), so main() must hand such a start to the child's code before QTest runs.
// Use it around the usual QTest macro, which then defines lockstepQTestMain instead of main:
//
//   #define main lockstepQTestMain
//   QTEST_GUILESS_MAIN(TestSomething)
//   #undef main
//   LOCKSTEP_CHILD_AWARE_MAIN()

#include <QtTest>

#include "lockstep/mp/Multiprocessing.h"

#define LOCKSTEP_CHILD_AWARE_MAIN()                                                        \
    int main(int argc, char** argv) {                                                       \
        if (const int child = ::lockstep::mp::runChildIfRequested(argc, argv); child >= 0) \
            return child;                                                                   \
        return lockstepQTestMain(argc, argv);                                               \
    }
