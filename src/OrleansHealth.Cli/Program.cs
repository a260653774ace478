using OrleansHealth.Cli;

return await CliApplication.Create().RunAsync(args);
