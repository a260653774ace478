using OrleansHealth.Silo.Hosting;

return await SiloProgram.RunAsync(args);
