import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { PcmAudio } from './tone-analysis';

/** Writes a mono 16-bit WAV of a sine tone (peak 12000): a fake microphone for Chromium, looped. */
export function writeToneWav(path: string, frequency: number, seconds = 2, sampleRate = 48_000): void {
  const frames = Math.round(seconds * sampleRate);
  const data = Buffer.alloc(frames * 2);
  for (let i = 0; i < frames; i++) {
    data.writeInt16LE(Math.round(12_000 * Math.sin((2 * Math.PI * frequency * i) / sampleRate)), i * 2);
  }
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  writeFileSync(path, Buffer.concat([header, data]));
}

/** The few Web Audio and media element APIs the recorder uses (the root tsconfig has no DOM types). */
interface AudioNodeLike {
  connect(destination: unknown): void;
  disconnect(): void;
}
interface ScriptProcessorLike extends AudioNodeLike {
  onaudioprocess: ((event: { inputBuffer: { getChannelData(channel: number): Float32Array } }) => void) | null;
}
interface AudioContextLike {
  readonly sampleRate: number;
  readonly destination: unknown;
  createMediaStreamSource(stream: unknown): AudioNodeLike;
  createScriptProcessor(bufferSize: number, inputs: number, outputs: number): ScriptProcessorLike;
  close(): Promise<void>;
}
interface AudioElementLike {
  muted: boolean;
  srcObject: unknown;
  play(): Promise<void>;
}

/** What the recorder uses and keeps on the page's `window`. */
interface RecorderWindow {
  readonly callwire: { readonly currentCall: { readonly remoteStream: unknown } | null };
  readonly AudioContext: new (options: { sampleRate: number }) => AudioContextLike;
  readonly Audio: new () => AudioElementLike;
  callwireRecorder?: { chunks: number[][]; stop(): void; sampleRate: number };
}

const RECORDING_RATE = 16_000;

/**
 * Starts recording what the browser hears: the current call's remote stream through Web Audio (16 kHz),
 * also played by a muted <audio> element (Chromium delivers remote WebRTC audio to Web Audio only then).
 */
export async function startRemoteRecording(page: Page): Promise<void> {
  await page.evaluate((sampleRate) => {
    const page = globalThis as unknown as RecorderWindow;
    const stream = page.callwire.currentCall?.remoteStream;
    if (!stream) throw new Error('no call with a remote stream');
    const element = new page.Audio();
    element.muted = true;
    element.srcObject = stream;
    void element.play();
    const context = new page.AudioContext({ sampleRate });
    const source = context.createMediaStreamSource(stream);
    const processor = context.createScriptProcessor(4096, 1, 1);
    const chunks: number[][] = [];
    processor.onaudioprocess = (event) => {
      chunks.push(Array.from(event.inputBuffer.getChannelData(0), (value) => Math.round(value * 32767)));
    };
    source.connect(processor);
    processor.connect(context.destination);
    page.callwireRecorder = {
      chunks,
      sampleRate: context.sampleRate,
      stop: () => {
        processor.disconnect();
        source.disconnect();
        void context.close();
        element.srcObject = null;
      },
    };
  }, RECORDING_RATE);
}

/** Stops the recording and returns what the browser heard. */
export async function stopRemoteRecording(page: Page): Promise<PcmAudio> {
  const recorded = await page.evaluate(() => {
    const page = globalThis as unknown as RecorderWindow;
    const recorder = page.callwireRecorder;
    if (!recorder) throw new Error('not recording');
    recorder.stop();
    page.callwireRecorder = undefined;
    return { sampleRate: recorder.sampleRate, samples: recorder.chunks.flat() };
  });
  return { sampleRate: recorded.sampleRate, samples: Int16Array.from(recorded.samples) };
}
