// Some tests set process-wide state (POD_IP, Console.Error) while they read the silo's behaviour;
// the suite is small, so it runs one test at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
