// The story thread of an ingest run: groups the articles it is sent, in the order sent, and answers `finish` with the
// stories.
import { parentPort } from "node:worker_threads";
import { StoryClusterer } from "../link/06-stories.js";
import { lowerThreadPriority } from "../workers.js";
import { addToStories, type StoryReply, type StoryRequest } from "./stories.js";

lowerThreadPriority();
const port = parentPort!;
const clusterer = new StoryClusterer();

port.on("message", (request: StoryRequest) => {
  if ("add" in request) {
    addToStories(clusterer, request.add);
    return;
  }
  const reply: StoryReply = { stories: [...clusterer.stories()] };
  port.postMessage(reply);
});
