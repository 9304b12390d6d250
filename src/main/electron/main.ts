// Placeholder: the Electron shell is built in src/main/electron.
import { app } from 'electron';
void app;
