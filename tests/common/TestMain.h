#pragma once
// main() for every test program. A test that runs processes starts its own binary again as the child
// (multiprocessing's worker mode), and one that runs a Python program starts it again as the runner, so main()
// must hand such a start to the child's or the runner's code before QTest runs.
// Use it around the usual QTest macro, which then defines lockstepQTestMain instead of main:
//
//   #define main lockstepQTestMain
//   QTEST_GUILESS_MAIN(TestSomething)
//   #undef main
//   LOCKSTEP_CHILD_AWARE_MAIN()

#include <QtTest>

#include "lockstep/mp/Multiprocessing.h"
#include "lockstep/python/Runner.h"

#define LOCKSTEP_CHILD_AWARE_MAIN()                                                        \
    int main(int argc, char** argv) {                                                       \
        if (const int child = ::lockstep::mp::runChildIfRequested(argc, argv); child >= 0) \
            return child;                                                                   \
        if (const int runner = ::lockstep::python::runRunnerIfRequested(argc, argv); runner >= 0) \
            return runner;                                                                  \
        return lockstepQTestMain(argc, argv);                                               \
    }
